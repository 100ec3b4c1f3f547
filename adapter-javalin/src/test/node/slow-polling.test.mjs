// A long-polling client that stops polling is cut off at its outbox bound, and a healthy member of the
// same room goes on getting every message. The server at SMALL_OUTBOX_URL bounds outboxes to a few frames.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as chat from "./chat.mjs";

const URL = process.env.SMALL_OUTBOX_URL;
const BOUND = Number(process.env.SMALL_OUTBOX_FRAMES);

function engineIo(sid) {
  return `${URL}/socket.io/?EIO=4&transport=polling${sid ? `&sid=${sid}` : ""}`;
}

async function poll(sid) {
  const response = await fetch(engineIo(sid));
  return { status: response.status, packets: (await response.text()).split("\x1e") };
}

async function post(sid, ...packets) {
  const response = await fetch(engineIo(sid), { method: "POST", body: packets.join("\x1e") });
  assert.equal(response.status, 200);
}

/** Polls until a packet passes the test. */
async function pollUntil(sid, test) {
  for (;;) {
    const { status, packets } = await poll(sid);
    assert.equal(status, 200);
    if (packets.some(test)) {
      return packets;
    }
  }
}

test("a client that stops polling is dropped at the bound; a healthy member gets every message", async () => {
  const room = "stalled";
  const stalled = await chat.register("stall", URL);
  const handshake = await poll();
  const sid = JSON.parse(handshake.packets[0].substring(1)).sid;
  await post(sid, `40${JSON.stringify({ token: stalled.token })}`);
  await pollUntil(sid, (p) => p.startsWith('42["session"'));
  await post(sid, `420${JSON.stringify(["room:join", { room }])}`);
  await pollUntil(sid, (p) => p.startsWith('42["presence:state"'));
  // from here on it never polls, until the end

  const healthy = await chat.register("healthy", URL);
  const { socket } = await chat.connect(healthy.token, { url: URL, transports: ["websocket"] });
  await chat.join(socket, room);
  let slowest = 0;
  for (let i = 0; i < BOUND + 5; i++) {
    const sent = Date.now();
    const delivered = chat.nextWhere(socket, "chat:new", (m) => m.text === `m${i}`);
    await chat.request(socket, "chat:send", { room, text: `m${i}` });
    await delivered;
    slowest = Math.max(slowest, Date.now() - sent);
  }
  console.log(`healthy member: ${BOUND + 5} messages, slowest delivery ${slowest} ms`);
  socket.close();

  // Whatever was still queued for the stalled client ends with Engine.IO's close; then its session is gone.
  for (;;) {
    const { status, packets } = await poll(sid);
    if (status === 400) {
      break;
    }
    assert.equal(status, 200);
    assert.ok(packets.length <= BOUND + 2, `at most the bound came through, not ${packets.length}`);
  }
});
