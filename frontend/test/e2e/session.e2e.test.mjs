// End-to-end: what a reload, a new tab or a browser restart keeps, and what a logout ends.

import assert from 'node:assert/strict';
import { chatSuite } from './suite.mjs';
import { joinRoom, reload, sendAndWait, setVisibility, unreadBadge, waitOnline } from './pages.mjs';

const suite = chatSuite('session');
const { scenario } = suite;

let alice;
let bob;

async function roomOnScreen(page) {
  return page.evaluate(() => ({
    title: document.getElementById('room-title').textContent,
    placeholder: document.getElementById('message-input').placeholder,
  }));
}

scenario('the room on screen stays on screen through two reloads', 'reload-twice', async () => {
  alice = await suite.member('alice');
  await joinRoom(alice.page, 'general');
  await joinRoom(alice.page, 'second');
  await reload(alice.page);
  assert.deepEqual(await roomOnScreen(alice.page), { title: '# second', placeholder: 'Message #second' });
  await reload(alice.page);
  assert.deepEqual(await roomOnScreen(alice.page), { title: '# second', placeholder: 'Message #second' });
});

scenario('unread counts survive a reload', 'unread-reload', async () => {
  bob = await suite.member('bob');
  await joinRoom(bob.page, 'general');
  for (const text of ['one', 'two', 'three']) await sendAndWait(bob.page, text);
  await alice.page.waitForFunction(
    () => document.querySelector('#joined-rooms [data-room="general"] .badge')?.textContent === '3',
  );
  await reload(alice.page);
  assert.equal(await unreadBadge(alice.page, 'general'), '3');
  assert.equal(await alice.page.title(), '(3) jchat');
});

scenario('a "new messages" line marks where the reader left off, and stays through a reload', 'new-line', async () => {
  await alice.page.click('#joined-rooms [data-room="general"]');
  await alice.page.waitForFunction(() => document.getElementById('room-title').textContent === '# general');
  assert.equal(await alice.page.locator('#messages .new-line').count(), 1, 'the three unread are marked');
  // Looked at, then away: what arrives in the background is unread, in the title and the icon too.
  await setVisibility(alice.page, 'hidden');
  for (const text of ['four', 'five']) await sendAndWait(bob.page, text);
  await alice.page.waitForFunction(() => document.title === '(2) jchat');
  assert.equal(await alice.page.getAttribute('#favicon', 'data-unread'), '2');
  assert.match(await alice.page.getAttribute('#favicon', 'href'), /^data:image\/png/);
  await setVisibility(alice.page, 'visible');
  await alice.page.waitForFunction(() => document.title === 'jchat');
  const lineBefore = () =>
    alice.page.$eval('#messages .new-line', (line) => line.nextElementSibling.querySelector('.text').textContent);
  assert.equal(await lineBefore(), 'one');
  await reload(alice.page);
  assert.equal(await lineBefore(), 'one');
  assert.match(await alice.page.getAttribute('#favicon', 'href'), /^data:image\/svg/);
});

scenario(
  'a new tab and a restarted browser are still logged in; a logout ends every tab',
  'stay-logged-in',
  async () => {
    const tab = await alice.context.newPage();
    await tab.goto(suite.server.url);
    await waitOnline(tab);
    assert.equal(await tab.textContent('#me'), 'alice');

    // A browser restart keeps localStorage (and loses sessionStorage).
    const restarted = await suite.browser.newContext({ storageState: await alice.context.storageState() });
    const page = await restarted.newPage();
    await page.goto(suite.server.url);
    await waitOnline(page);
    assert.equal(await page.textContent('#me'), 'alice');
    await restarted.close();

    await tab.click('#logout');
    await tab.waitForSelector('#login-form');
    await alice.page.waitForSelector('#login-form');
    assert.equal(await alice.page.isVisible('#chat-screen'), false);
    await alice.page.reload();
    await alice.page.waitForSelector('#login-form');
    await tab.close();
  },
);
