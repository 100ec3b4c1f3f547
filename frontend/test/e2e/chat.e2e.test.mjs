// End-to-end: two people chat through the real server in real headless Chromium.
// The server is started here (java -jar $CHAT_SERVER_JAR) on a free port with a fresh data folder.

import assert from 'node:assert/strict';
import { chatSuite } from './suite.mjs';
import {
  joinRoom,
  messageTexts,
  register,
  send,
  setVisibility,
  waitBanner,
  waitMember,
  waitMessagesOnce,
  waitOnline,
} from './pages.mjs';

const suite = chatSuite('chat');
const { scenario, everyone } = suite;
const XSS = '<img src=x onerror="window.__xss=1">';

let alice;
let bob;

/** Every message of the run, in the order written: each must end up on both pages once. */
const written = [];

async function say(user, text) {
  written.push(text);
  await send(user.page, text);
}

async function bothShowEverythingOnce(timeout) {
  await Promise.all([alice, bob].map((user) => waitMessagesOnce(user.page, written, timeout)));
}

const screenshot = (user, name) => suite.screenshot(user, name);

scenario('two users register, join general, chat, and see each other online and typing', 'chat-basics', async () => {
  alice = await suite.visitor('alice');
  bob = await suite.visitor('bob');
  await register(alice.page, 'alice');
  await waitOnline(alice.page);

  // A taken name is reported next to the name field.
  await register(bob.page, 'Alice');
  await bob.page.waitForFunction(() => document.getElementById('username-error')?.textContent !== '');
  assert.equal(await bob.page.getAttribute('#username', 'aria-invalid'), 'true');
  await screenshot(bob, 'name-taken');
  await register(bob.page, 'bob');
  await waitOnline(bob.page);

  await joinRoom(alice.page, 'general');
  await joinRoom(bob.page, 'general');
  await waitMember(alice.page, 'bob');
  await waitMember(bob.page, 'alice');

  await say(alice, 'Hi Bob! Did you see https://example.com/docs?');
  await say(bob, 'Hello Alice!\nYes, reading it now.');
  await bothShowEverythingOnce();

  // typing:start goes out at most every 2 s, and bob's last one came with his message: type longer.
  await bob.page.locator('#message-input').pressSequentially('Let me check', { delay: 200 });
  await alice.page.waitForFunction(() => document.getElementById('typing')?.textContent === 'bob is typing…');
  await screenshot(alice, 'presence-and-typing');
  await bob.page.press('#message-input', 'Enter');
  written.push('Let me check');
  await alice.page.waitForFunction(() => document.getElementById('typing')?.textContent === '');
  await bothShowEverythingOnce();

  const own = await alice.page.$$eval('#messages .message.own .text', (nodes) => nodes.map((node) => node.textContent));
  assert.deepEqual(own, ['Hi Bob! Did you see https://example.com/docs?']);
  const link = alice.page.locator('#messages a[href="https://example.com/docs"]');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await link.getAttribute('target'), '_blank');
  await screenshot(bob, 'two-users-chat');
});

scenario(
  'a user whose connection is cut keeps writing, and afterwards both pages show every message once',
  'connection-cut',
  async () => {
    await bob.context.setOffline(true);
    await waitBanner(bob.page, ['offline', 'reconnecting']);
    // Cut off, bob cannot know who is online: the list does not go on claiming alice is.
    await bob.page.waitForFunction(() => document.querySelectorAll('#member-list li').length === 0, null, {
      timeout: 5000,
    });
    await bob.page.locator('#message-input').pressSequentially('Writing while offline', { delay: 10 });
    await bob.page.press('#message-input', 'Enter');
    written.push('Writing while offline');
    await say(bob, 'and one more');
    await say(alice, 'Bob, are you there?');
    await bob.page.waitForFunction(() => document.querySelectorAll('#outbox li').length === 2);
    await screenshot(bob, 'offline-outbox');

    await bob.context.setOffline(false);
    await waitOnline(bob.page, 60_000);
    await bothShowEverythingOnce();
    assert.deepEqual(await messageTexts(alice.page), await messageTexts(bob.page));
    await screenshot(alice, 'after-reconnect');
  },
);

scenario('markup in a message is shown as text and runs nothing', 'xss', async () => {
  await say(alice, XSS);
  await bothShowEverythingOnce();
  for (const user of everyone) {
    assert.equal(await user.page.evaluate(() => window.__xss), undefined);
    assert.equal(await user.page.locator('#messages img').count(), 0);
  }
  await screenshot(bob, 'xss-as-text');
});

scenario('screenshots of the chat page on a desktop and on a phone', 'chat', async () => {
  await say(bob, 'Looks good on my phone too.');
  await bothShowEverythingOnce();
  // Long enough for a typing:start, which goes out at most every 2 s.
  await alice.page.locator('#message-input').pressSequentially('Great, I will ', { delay: 170 });
  await bob.page.waitForFunction(() => document.getElementById('typing')?.textContent === 'alice is typing…');
  await screenshot(bob, 'chat');
  await bob.page.setViewportSize({ width: 390, height: 844 });
  // On a phone the room list slides away into a drawer: wait until it is gone.
  await bob.page.waitForFunction(() => getComputedStyle(document.getElementById('sidebar')).visibility === 'hidden');
  await screenshot(bob, 'chat-phone');
  await bob.page.setViewportSize({ width: 1280, height: 800 });
});

scenario(
  'a server restart loses nothing: both pages come back soon and show every message once',
  'server-restart',
  async () => {
    // Bob's tab stays in front; alice's is in the background while the server is away.
    await setVisibility(alice.page, 'hidden');
    const stopped = suite.server.stop();
    await Promise.all(everyone.map((user) => waitBanner(user.page, ['reconnecting', 'connecting'])));
    await stopped;
    await say(bob, 'Sent while the server was down');
    await bob.page.waitForSelector('#outbox li');
    await screenshot(bob, 'server-down');

    // However long the server is away, a tab in front tries again within 5 s.
    await attempts(bob.page, 5);
    await waitBanner(bob.page, ['reconnecting']);
    const retryIn = await bob.page.textContent('#banner');
    assert.ok(Number(/in (\d+) s/.exec(retryIn)?.[1]) <= 5, retryIn);

    await suite.server.start();
    await waitOnline(bob.page, 8_000);
    // A tab that comes to the front tries at once.
    await setVisibility(alice.page, 'visible');
    await waitOnline(alice.page, 3_000);
    await say(alice, 'Welcome back');
    await bothShowEverythingOnce(60_000);
    assert.deepEqual(await messageTexts(alice.page), await messageTexts(bob.page));
    await screenshot(alice, 'after-restart');
  },
);

/** Resolves when the page has opened `count` more WebSockets. */
function attempts(page, count) {
  return new Promise((resolve) => {
    let seen = 0;
    const counted = () => {
      if (++seen < count) return;
      page.off('websocket', counted);
      resolve();
    };
    page.on('websocket', counted);
  });
}
