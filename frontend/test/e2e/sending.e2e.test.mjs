// End-to-end: writing fast, mentions and notifications, the room list.

import assert from 'node:assert/strict';
import { chatSuite } from './suite.mjs';
import { joinRoom, messageTexts, register, waitMember, waitMessagesOnce } from './pages.mjs';

const suite = chatSuite('sending');
const { scenario } = suite;

let alice;
let bob;

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
