// Driving the chat page the way a person does, each step waiting for what the page shows.

const PASSWORD = 'correct horse battery';

/** A new browser context (its own sessionStorage) showing the login form. */
export async function newVisitor(browser, baseUrl, name, log) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (message) => log(`[${name}] ${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => log(`[${name}] page error: ${error.message}`));
  await page.goto(baseUrl);
  await page.waitForSelector('#login-form');
  return { context, page };
}

/** Fills the form and presses "Create account". */
export async function register(page, name) {
  await page.fill('#username', name);
  await page.fill('#password', PASSWORD);
  await page.click('button[value="register"]');
}

export async function waitOnline(page, timeout = 20_000) {
  await page.waitForSelector('#banner[data-state="online"]', { timeout });
}

export async function waitBanner(page, states) {
  await page.waitForFunction(
    (wanted) => wanted.includes(document.getElementById('banner')?.dataset.state ?? ''),
    states,
  );
}

export async function joinRoom(page, room) {
  await page.fill('#join-input', room);
  await page.press('#join-input', 'Enter');
  await page.waitForSelector(`#joined-rooms [data-room="${room}"][aria-current="true"]`);
  await page.waitForFunction(() => document.getElementById('empty-room')?.textContent !== 'Joining…');
}

/** Writes and sends with the keyboard: Enter sends. */
export async function send(page, text) {
  await page.fill('#message-input', text);
  await page.press('#message-input', 'Enter');
}

export async function waitMember(page, name) {
  await page.waitForFunction(
    (wanted) => [...document.querySelectorAll('#member-list li')].some((li) => li.textContent === wanted),
    name,
  );
}

/** Waits until each text is in the message list exactly once and nothing waits in the outbox. */
export async function waitMessagesOnce(page, texts, timeout = 20_000) {
  await page.waitForFunction(
    (wanted) => {
      const shown = [...document.querySelectorAll('#messages .message .text')].map((node) => node.textContent);
      const once = wanted.every((text) => shown.filter((each) => each === text).length === 1);
      return once && document.querySelectorAll('#outbox li').length === 0;
    },
    texts,
    { timeout },
  );
}

export function messageTexts(page) {
  return page.$$eval('#messages .message .text', (nodes) => nodes.map((node) => node.textContent));
}
