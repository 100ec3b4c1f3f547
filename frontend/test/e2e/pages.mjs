// Driving the chat page the way a person does, each step waiting for what the page shows.

const PASSWORD = 'correct horse battery';

/** A new browser context (its own storage) showing the login form; `options` go to newContext. */
export async function newVisitor(browser, baseUrl, name, log, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (message) => log(`[${name}] ${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => log(`[${name}] page error: ${error.message}`));
  // Every refusal of the page's Content-Security-Policy, for the test that wants none.
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
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
    (wanted) =>
      [...document.querySelectorAll('#member-list li')].some((li) => li.lastElementChild?.textContent === wanted),
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

/** Sends and waits until the server has it (it left the outbox and shows in the list). */
export async function sendAndWait(page, text) {
  await send(page, text);
  await page.waitForFunction(
    (wanted) =>
      document.querySelectorAll('#outbox li').length === 0 &&
      [...document.querySelectorAll('#messages .message .text')].some((node) => node.textContent === wanted),
    text,
  );
}

/** Reloads and waits until the page is back online with its rooms joined. */
export async function reload(page) {
  await page.reload();
  await waitOnline(page);
  await page.waitForFunction(() => document.getElementById('empty-room')?.textContent !== 'Joining…');
}

/** Makes the page believe it went to the background (or came back), as a tab switch does. */
export async function setVisibility(page, state) {
  await page.evaluate((wanted) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => wanted });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => wanted === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** The unread badge of a joined room ('' without one). */
export function unreadBadge(page, room) {
  return page.locator(`#joined-rooms [data-room="${room}"]`).evaluate((button) => {
    return button.querySelector('.badge')?.textContent ?? '';
  });
}
