// End-to-end: two people chat through the real server in real headless Chromium.
// The server is started here (java -jar $CHAT_SERVER_JAR) on a free port with a fresh data folder.

import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ChatServer } from './server.mjs';
import {
  joinRoom,
  messageTexts,
  newVisitor,
  register,
  send,
  waitBanner,
  waitMember,
  waitMessagesOnce,
  waitOnline,
} from './pages.mjs';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(frontend, 'target/e2e');
const jar = process.env.CHAT_SERVER_JAR ?? resolve(frontend, '../app/target/jchat-app.jar');
const XSS = '<img src=x onerror="window.__xss=1">';

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const browserLog = join(out, 'browser.log');
writeFileSync(browserLog, '');
const log = (line) => appendFileSync(browserLog, `${line}\n`);

let server;
let browser;
let alice;
let bob;
const everyone = [];

/** Every message of the run, in the order written: each must end up on both pages once. */
const written = [];

async function say(user, text) {
  written.push(text);
  await send(user.page, text);
}

async function bothShowEverythingOnce(timeout) {
  await Promise.all([alice, bob].map((user) => waitMessagesOnce(user.page, written, timeout)));
}

async function screenshot(user, name) {
  await user.page.screenshot({ path: join(out, `${name}.png`) });
}

/** A test whose failure leaves a screenshot of every page behind, named after `file`. */
function scenario(title, file, body) {
  test(title, async () => {
    try {
      await body();
    } catch (error) {
      for (const [i, user] of everyone.entries()) await screenshot(user, `${file}-failed-${i + 1}`).catch(() => {});
      throw error;
    }
  });
}

// Whatever happens, the server does not outlive the test process.
process.on('exit', () => server?.kill());

before(async () => {
  server = new ChatServer({ jar, logFile: join(out, 'server.log') });
  await server.start();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

scenario('two users register, join general, chat, and see each other online and typing', 'chat-basics', async () => {
  alice = await newVisitor(browser, server.url, 'alice', log);
  bob = await newVisitor(browser, server.url, 'bob', log);
  everyone.push(alice, bob);
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

  await bob.page.locator('#message-input').pressSequentially('Let me check', { delay: 30 });
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
  await alice.page.locator('#message-input').pressSequentially('Great, ', { delay: 10 });
  await bob.page.waitForFunction(() => document.getElementById('typing')?.textContent === 'alice is typing…');
  await screenshot(bob, 'chat');
  await bob.page.setViewportSize({ width: 390, height: 844 });
  // On a phone the room list slides away into a drawer: wait until it is gone.
  await bob.page.waitForFunction(() => getComputedStyle(document.getElementById('sidebar')).visibility === 'hidden');
  await screenshot(bob, 'chat-phone');
  await bob.page.setViewportSize({ width: 1280, height: 800 });
});

scenario(
  'a server restart loses nothing: both pages come back and show every message once',
  'server-restart',
  async () => {
    const stopped = server.stop();
    await Promise.all(everyone.map((user) => waitBanner(user.page, ['reconnecting', 'connecting'])));
    await stopped;
    await say(bob, 'Sent while the server was down');
    await bob.page.waitForSelector('#outbox li');
    await screenshot(bob, 'server-down');

    await server.start();
    await Promise.all(everyone.map((user) => waitOnline(user.page, 60_000)));
    await say(alice, 'Welcome back');
    await bothShowEverythingOnce(60_000);
    assert.deepEqual(await messageTexts(alice.page), await messageTexts(bob.page));
    await screenshot(alice, 'after-restart');
  },
);
