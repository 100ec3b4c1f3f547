// End-to-end: what a reload, a new tab or a browser restart keeps, and what a logout ends.

import assert from 'node:assert/strict';
import { chatSuite } from './suite.mjs';
import { joinRoom, reload, sendAndWait, unreadBadge } from './pages.mjs';

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
