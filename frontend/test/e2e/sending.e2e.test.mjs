// End-to-end: writing fast, mentions and notifications, the room list.

import assert from 'node:assert/strict';
import { chatSuite } from './suite.mjs';
import {
  joinRoom,
  messageTexts,
  register,
  sendAndWait,
  setVisibility,
  waitMember,
  waitMessagesOnce,
} from './pages.mjs';

const suite = chatSuite('sending');
const { scenario } = suite;

let alice;
let bob;
let carol;

/** Every frame the page's WebSockets send and receive, and how many sockets it opened. */
function recordFrames(page) {
  const frames = { sent: [], received: [], sockets: 0 };
  page.on('websocket', (socket) => {
    frames.sockets++;
    socket.on('framesent', (frame) => frames.sent.push(JSON.parse(frame.payload)));
    socket.on('framereceived', (frame) => frames.received.push(JSON.parse(frame.payload)));
  });
  return frames;
}

scenario(
  'a user who sends eleven messages a second stays connected, and every message arrives once, in order',
  'send-fast',
  async () => {
    alice = await suite.member('alice');
    bob = await suite.visitor('bob');
    const frames = recordFrames(bob.page);
    await register(bob.page, 'bob');
    await joinRoom(alice.page, 'general');
    await joinRoom(bob.page, 'general');
    await waitMember(bob.page, 'alice');

    const written = Array.from({ length: 50 }, (_, i) => `fast ${i + 1}`);
    const started = Date.now();
    for (const text of written) {
      await bob.page.fill('#message-input', text);
      await bob.page.press('#message-input', 'Enter');
    }
    const typedFor = Date.now() - started;
    await Promise.all([alice, bob].map((user) => waitMessagesOnce(user.page, written, 30_000)));
    assert.deepEqual(await messageTexts(alice.page), written);
    assert.deepEqual(await messageTexts(bob.page), written);

    const refused = frames.received.filter((frame) => frame.data?.code === 'rate_limited');
    assert.equal(refused.length, 0, `${refused.length} frames refused as too fast`);
    assert.equal(frames.sockets, 1, 'the connection stayed up');
    const starts = frames.sent.filter((frame) => frame.event === 'typing:start').length;
    assert.ok(starts <= Math.ceil(typedFor / 2000) + 1, `${starts} typing:start in ${typedFor} ms`);
    assert.equal(frames.sent.filter((frame) => frame.event === 'typing:stop').length, 0);
  },
);

/** Replaces the browser's notifications and sound with recorders, before the page's own script. */
async function recordAlerts(context) {
  await context.addInitScript(() => {
    window.__alerts = { asked: 0, shown: [], chimes: 0 };
    class RecordedNotification {
      static permission = 'default';
      static async requestPermission() {
        window.__alerts.asked++;
        RecordedNotification.permission = 'granted';
        return 'granted';
      }
      constructor(title, options) {
        window.__alerts.shown.push({ title, body: options?.body });
      }
      close() {}
    }
    window.Notification = RecordedNotification;
    const Real = window.AudioContext;
    window.AudioContext = class extends Real {
      constructor() {
        super();
        window.__alerts.chimes++;
      }
    };
  });
}

scenario(
  '@names are completed and highlighted; a mention notifies (after a polite ask) and can chime',
  'mentions',
  async () => {
    carol = await suite.visitor('carol');
    await recordAlerts(carol.context);
    await carol.page.reload();
    await register(carol.page, 'carol');
    await joinRoom(carol.page, 'general');
    await waitMember(bob.page, 'carol');
    assert.equal(await carol.page.evaluate(() => window.__alerts.asked), 0, 'nothing is asked on load');

    // Bob writes "@ca", picks carol with Tab, and sends.
    await bob.page.fill('#message-input', '');
    await bob.page.locator('#message-input').pressSequentially('Hi @ca');
    await bob.page.waitForSelector('#mention-list li[aria-selected="true"]:text-is("@carol")');
    await bob.page.keyboard.press('Tab');
    assert.equal(await bob.page.inputValue('#message-input'), 'Hi @carol ');
    await bob.page.locator('#message-input').pressSequentially('welcome!');
    await bob.page.keyboard.press('Enter');
    await carol.page.waitForSelector('#messages .message.mentioned .mention.own:text-is("@carol")');

    await carol.page.click('#notify-enable');
    await carol.page.waitForSelector('#notify-state:text-is("Desktop notifications are on.")');
    assert.equal(await carol.page.evaluate(() => window.__alerts.asked), 1);
    await carol.page.check('#sound-toggle');
    await setVisibility(carol.page, 'hidden');
    await sendAndWait(bob.page, '@carol are you there?');
    await carol.page.waitForFunction(() => window.__alerts.shown.length === 1);
    assert.deepEqual(await carol.page.evaluate(() => window.__alerts), {
      asked: 1,
      shown: [{ title: 'bob mentioned you in #general', body: '@carol are you there?' }],
      chimes: 1,
    });
    await setVisibility(carol.page, 'visible');
  },
);

scenario('the list of other rooms follows what happens, without waiting for a timer', 'room-list', async () => {
  await joinRoom(carol.page, 'lobby');
  await sendAndWait(bob.page, 'Anyone in the lobby?');
  await alice.page.waitForSelector('#other-rooms [data-room="lobby"]', { timeout: 8000 });
});

scenario('leaving a room asks first', 'leave', async () => {
  const page = carol.page;
  page.once('dialog', (dialog) => dialog.dismiss());
  await page.click('#leave-room');
  assert.equal(await page.locator('#joined-rooms [data-room="lobby"]').count(), 1);
  page.once('dialog', (dialog) => {
    assert.match(dialog.message(), /Leave #lobby\?/);
    void dialog.accept();
  });
  await page.click('#leave-room');
  await page.waitForSelector('#joined-rooms [data-room="lobby"]', { state: 'detached' });
});
