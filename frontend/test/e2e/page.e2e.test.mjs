// End-to-end: the page as a person sees it, on a wide screen and on a phone, with mouse and keyboard.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lowContrast, smallTargets } from './checks.mjs';
import { chatSuite } from './suite.mjs';
import { joinRoom, sendAndWait } from './pages.mjs';

const suite = chatSuite('page');
const { scenario } = suite;

let alice;
let bob;

/** Where the last message with `text` is, against the scroller's visible box. */
function inView(page, text) {
  return page.evaluate((wanted) => {
    const nodes = [...document.querySelectorAll('#messages .message')];
    const node = nodes.reverse().find((each) => each.querySelector('.text')?.textContent === wanted);
    const box = node?.getBoundingClientRect();
    const view = document.getElementById('scroller').getBoundingClientRect();
    return Boolean(box && box.top >= view.top - 1 && box.bottom <= view.bottom + 1);
  }, text);
}

scenario(
  'the page itself never scrolls: header and composer stay when the wheel turns past the last message',
  'page-scroll',
  async () => {
    alice = await suite.member('alice');
    await joinRoom(alice.page, 'general');
    // One author, several messages in a row: all but the first are grouped under one header.
    for (let i = 1; i <= 8; i++) {
      const lines = Array.from({ length: 6 }, (_, line) => `Message ${i}, line ${line + 1}`);
      await sendAndWait(alice.page, lines.join('\n'));
    }
    assert.ok((await alice.page.locator('#messages .message.grouped').count()) >= 7);
    const box = await alice.page.locator('#scroller').boundingBox();
    await alice.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await alice.page.mouse.wheel(0, 3000);
    const page = await alice.page.evaluate(() => {
      window.scrollTo(0, 5000);
      const composer = document.getElementById('composer').getBoundingClientRect();
      return {
        scrollY: window.scrollY,
        height: document.documentElement.scrollHeight,
        viewport: window.innerHeight,
        composerBottom: composer.bottom,
      };
    });
    assert.equal(page.scrollY, 0);
    assert.ok(page.height <= page.viewport, `the document is ${page.height} px tall in ${page.viewport} px`);
    assert.ok(page.composerBottom <= page.viewport);
  },
);

scenario('a message the user sends while scrolled up is brought into view', 'own-in-view', async () => {
  await alice.page.locator('#scroller').evaluate((scroller) => (scroller.scrollTop = 0));
  await alice.page.fill('#message-input', 'Sent from far above');
  await alice.page.press('#message-input', 'Enter');
  await alice.page.waitForFunction(() =>
    [...document.querySelectorAll('#messages .message .text')].some(
      (node) => node.textContent === 'Sent from far above',
    ),
  );
  await alice.page.waitForFunction(() => {
    const scroller = document.getElementById('scroller');
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2;
  });
  assert.ok(await inView(alice.page, 'Sent from far above'));
});

scenario('right-to-left messages are laid out right to left', 'rtl', async () => {
  for (const text of ['مرحبا بكم في الغرفة!', 'שלום לכולם!']) await sendAndWait(alice.page, text);
  const directions = await alice.page.$$eval('#messages .message .text', (nodes) =>
    nodes.slice(-2).map((node) => getComputedStyle(node).direction),
  );
  assert.deepEqual(directions, ['rtl', 'rtl']);
  assert.equal(await alice.page.getAttribute('#message-input', 'dir'), 'auto');
});

scenario('a join error goes away when the field is cleared or another room is chosen', 'join-error', async () => {
  const page = alice.page;
  await joinRoom(page, 'random');
  const error = () => page.textContent('#join-error');
  await page.fill('#join-input', 'Not a room!');
  await page.press('#join-input', 'Enter');
  assert.notEqual(await error(), '');
  await page.fill('#join-input', '');
  await page.waitForFunction(() => document.getElementById('join-error').textContent === '');
  assert.equal(await page.getAttribute('#join-input', 'aria-invalid'), null);

  await page.fill('#join-input', 'Again not!');
  await page.press('#join-input', 'Enter');
  assert.notEqual(await error(), '');
  await page.click('#joined-rooms [data-room="general"]');
  await page.waitForFunction(() => document.getElementById('join-error').textContent === '');
});

scenario(
  'on a phone the rooms drawer opens with the keyboard, takes focus, and Escape closes it',
  'drawer',
  async () => {
    const page = alice.page;
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      await page.waitForFunction(() => getComputedStyle(document.getElementById('sidebar')).visibility === 'hidden');
      await page.focus('#rooms-toggle');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'join-input', null, { timeout: 5000 });
      assert.equal(await page.getAttribute('#rooms-toggle', 'aria-expanded'), 'true');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => getComputedStyle(document.getElementById('sidebar')).visibility === 'hidden');
      assert.equal(await page.getAttribute('#rooms-toggle', 'aria-expanded'), 'false');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'rooms-toggle');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  },
);

scenario('scrolled up, a button counts the new messages below and jumps to them', 'jump', async () => {
  bob = await suite.member('bob');
  await joinRoom(bob.page, 'general');
  await alice.page.click('#joined-rooms [data-room="general"]');
  await alice.page.locator('#scroller').evaluate((scroller) => (scroller.scrollTop = 0));
  await alice.page.waitForSelector('#jump-latest:text-is("Jump to latest")');
  for (const text of ['Are you there?', 'Look at this']) await sendAndWait(bob.page, text);
  await alice.page.waitForSelector('#jump-latest:text-is("2 new messages, jump to latest")');
  await alice.page.click('#jump-latest');
  await alice.page.waitForSelector('#jump-latest', { state: 'hidden' });
  assert.ok(await inView(alice.page, 'Look at this'));
});

scenario('grouped messages show their time on hover; avatars show initials in a colour per user', 'meta', async () => {
  const page = alice.page;
  const grouped = page.locator('#messages .message.grouped', { hasText: 'Look at this' });
  const timeOpacity = () => grouped.locator('time').evaluate((time) => getComputedStyle(time.parentElement).opacity);
  assert.equal(await timeOpacity(), '0');
  await grouped.hover();
  await page.waitForFunction(
    () => getComputedStyle(document.querySelector('#messages .message.grouped:hover .meta')).opacity === '1',
  );

  const avatars = await page.evaluate(() => {
    const colour = (selector) => {
      const avatar = document.querySelector(selector);
      return { text: avatar.textContent, colour: getComputedStyle(avatar).backgroundColor };
    };
    return {
      aliceMember: colour('#member-list .member.own .avatar'),
      aliceMessage: colour('#messages .message.own:not(.grouped) .avatar'),
      bobMember: colour('#member-list .member:not(.own) .avatar'),
      bobMessage: colour('#messages .message:not(.own):not(.grouped) .avatar'),
    };
  });
  assert.deepEqual(avatars.aliceMember, avatars.aliceMessage);
  assert.deepEqual(avatars.bobMember, avatars.bobMessage);
  assert.equal(avatars.aliceMember.text, 'A');
  assert.equal(avatars.bobMember.text, 'B');
  assert.notEqual(avatars.aliceMember.colour, avatars.bobMember.colour);
});

scenario(
  'dark mode follows the system; all text has a contrast of at least 4.5:1, light and dark, online and offline',
  'contrast',
  async () => {
    const page = alice.page;
    await sendAndWait(bob.page, '@alice the contrast check is next');
    await alice.context.setOffline(true);
    await page.waitForSelector('#banner[data-state="offline"]');
    await page.fill('#message-input', 'Written offline');
    await page.press('#message-input', 'Enter');
    await page.waitForSelector('#outbox .status:text-is("Waiting for the connection…")');
    const login = await suite.visitor('nobody');
    try {
      for (const colorScheme of ['light', 'dark']) {
        for (const each of [page, login.page]) {
          await each.emulateMedia({ colorScheme });
          // The page follows the system setting.
          const background = await each.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
          assert.equal(background, colorScheme === 'light' ? 'rgb(244, 245, 250)' : 'rgb(18, 20, 28)');
          assert.deepEqual(await lowContrast(each), [], `${colorScheme}: ${each === page ? 'chat' : 'login'}`);
        }
      }
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
      await alice.context.setOffline(false);
      await login.context.close();
    }
    await page.waitForSelector('#banner[data-state="online"]', { timeout: 30_000 });
    await page.waitForSelector('#outbox li', { state: 'detached' });
  },
);

scenario('on a phone every control is at least 44 px each way', 'tap-targets', async () => {
  const page = alice.page;
  await page.setViewportSize({ width: 375, height: 740 });
  try {
    await page.waitForFunction(() => getComputedStyle(document.getElementById('sidebar')).visibility === 'hidden');
    assert.deepEqual(await smallTargets(page), []);
    await page.click('#rooms-toggle');
    await page.waitForFunction(() => document.activeElement?.id === 'join-input');
    assert.deepEqual(await smallTargets(page), []);
    await page.keyboard.press('Escape');
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

scenario('screenshots of the page for the README, light and dark', 'screenshots', async () => {
  await joinRoom(alice.page, 'launch');
  await joinRoom(bob.page, 'launch');
  const conversation = [
    [alice, 'Morning! The release notes are up: https://example.com/release-notes'],
    [bob, 'Looks great. Dark mode follows the system setting now.'],
    [bob, 'And names complete after an @ sign.'],
    [alice, '@bob nice! Arabic and Hebrew read right to left too:'],
    [alice, 'مرحبا بكم في الغرفة!'],
    [bob, 'Shipping it this afternoon.'],
  ];
  for (const [user, text] of conversation) await sendAndWait(user.page, text);
  await bob.page.waitForSelector('#messages .message .text:text-is("Shipping it this afternoon.")');
  await alice.page.locator('#message-input').pressSequentially('Great, I will ', { delay: 170 });
  await bob.page.waitForSelector('#typing:text-is("alice is typing…")');
  for (const colorScheme of ['light', 'dark']) {
    await bob.page.emulateMedia({ colorScheme });
    const file = colorScheme === 'light' ? 'screenshot' : 'screenshot-dark';
    await bob.page.screenshot({ path: join(suite.out, `${file}.png`) });
  }
  await bob.page.emulateMedia({ colorScheme: 'light' });
});

scenario('the page is served with its security headers and nothing on it broke its policy', 'csp', async () => {
  const response = await alice.page.request.get(suite.server.url);
  const headers = response.headers();
  assert.match(headers['content-security-policy'] ?? '', /script-src 'self'.*frame-ancestors 'none'/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'no-referrer');
  for (const visitor of suite.everyone) {
    if (!visitor.page.isClosed()) assert.deepEqual(await visitor.page.evaluate(() => window.cspViolations), []);
  }
});
