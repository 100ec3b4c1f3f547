// The official socket.io-client against our /socket.io/: PROTOCOL.md section 8, as a user of Socket.IO sees it.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as chat from "./chat.mjs";

const TRANSPORTS = {
  "long-polling only": ["polling"],
  "long-polling upgraded to WebSocket": ["polling", "websocket"],
};

for (const [name, transports] of Object.entries(TRANSPORTS)) {
  describe(`over ${name}`, () => {
    const sockets = [];
    after(() => sockets.forEach((socket) => socket.close()));

    async function client(options = {}) {
      const { token, user } = await chat.register();
      const connected = await chat.connect(token, { transports, ...options });
      sockets.push(connected.socket);
      return { ...connected, token, user };
    }

    test("a valid token is accepted and the session event names the user", async () => {
      const { session, user, socket } = await client();
      assert.deepEqual(session.user, user);
      assert.equal(typeof session.connectionId, "string");
      assert.equal(socket.id, session.connectionId);
    });

    test("the client ends on the transport it asked for", async () => {
      const { socket } = await client(); // upgraded, when it may
      assert.equal(socket.io.engine.transport.name, transports.at(-1));
    });

    test("a missing, a bad and an expired token get CONNECT_ERROR auth_failed", async () => {
      for (const auth of [{}, { token: "not-a-jwt" }, { token: 42 }, { token: process.env.EXPIRED_TOKEN }]) {
        const error = await chat.refused(auth, { transports });
        assert.equal(error.message, "auth_failed", JSON.stringify(auth));
      }
    });

    test("join is acknowledged with the room, then history and presence follow", async () => {
      const { socket, user } = await client();
      const room = `join-${transports.length}`;
      const { ack, history, presence } = await chat.join(socket, room);
      assert.deepEqual(ack, { room });
      assert.equal(history.room, room);
      assert.ok(Array.isArray(history.messages));
      assert.ok(presence.users.some((u) => u.id === user.id));
    });

    test("a message sent with an ack reaches every member, the sender too", async () => {
      const room = `send-${transports.length}`;
      const alice = await client();
      const bob = await client();
      await chat.join(alice.socket, room);
      await chat.join(bob.socket, room);
      const atAlice = chat.nextWhere(alice.socket, "chat:new", (m) => m.clientMsgId === "c-1");
      const atBob = chat.nextWhere(bob.socket, "chat:new", (m) => m.clientMsgId === "c-1");

      const ack = await chat.request(alice.socket, "chat:send", { room, text: "hello 👋", clientMsgId: "c-1" });

      assert.equal(typeof ack.id, "number");
      assert.match(ack.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      for (const message of [await atAlice, await atBob]) {
        assert.equal(message.id, ack.id);
        assert.equal(message.text, "hello 👋");
        assert.equal(message.user, alice.user.name);
      }
    });

    test("presence and typing reach the others in the room", async () => {
      const room = `presence-${transports.length}`;
      const alice = await client();
      await chat.join(alice.socket, room);
      const bob = await client();
      const joined = chat.nextWhere(alice.socket, "presence:join", (p) => p.room === room);
      await chat.join(bob.socket, room);
      assert.equal((await joined).user.id, bob.user.id);

      const typing = chat.nextWhere(alice.socket, "typing", (t) => t.room === room);
      assert.deepEqual(await chat.request(bob.socket, "typing:start", { room }), {});
      assert.deepEqual(await typing, { room, user: bob.user, typing: true });

      const left = chat.nextWhere(alice.socket, "presence:leave", (p) => p.room === room);
      assert.deepEqual(await chat.request(bob.socket, "room:leave", { room }), { room });
      assert.equal((await left).user.id, bob.user.id);
    });

    test("a history request is acknowledged, then answered with the older messages", async () => {
      const room = `history-${transports.length}`;
      const { socket } = await client();
      await chat.join(socket, room);
      const first = await chat.request(socket, "chat:send", { room, text: "one" });
      const second = await chat.request(socket, "chat:send", { room, text: "two" });
      const page = chat.nextWhere(socket, "chat:history", (h) => h.messages.every((m) => m.id < second.id));

      assert.deepEqual(await chat.request(socket, "chat:history", { room, before: second.id }), { room });
      assert.deepEqual((await page).messages.map((m) => m.id), [first.id]);
    });

    test("refusals come in the ack as {error}, and as chat:error without a callback", async () => {
      const { socket } = await client();
      const refusal = async (event, data) => (await chat.request(socket, event, data)).error?.code;
      assert.equal(await refusal("chat:send", { room: "never-joined", text: "x" }), "not_member");
      assert.equal(await refusal("room:join", { room: "Not A Room" }), "invalid_room");
      assert.equal(await refusal("room:join", "not an object"), "invalid_payload");
      assert.equal(await refusal("no:such-event", {}), "unknown_event");

      const error = chat.next(socket, "chat:error");
      socket.emit("no:such-event", {});
      assert.equal((await error).code, "unknown_event");
    });

    test("a client that reconnects with since gets what it missed", async () => {
      const room = `since-${transports.length}`;
      const alice = await client();
      const bob = await client();
      await chat.join(alice.socket, room);
      await chat.join(bob.socket, room);
      const seen = await chat.request(bob.socket, "chat:send", { room, text: "seen" });
      bob.socket.close();
      const missed = await chat.request(alice.socket, "chat:send", { room, text: "missed" });

      const again = await chat.connect(bob.token, { transports });
      sockets.push(again.socket);
      const { history } = await chat.join(again.socket, room, seen.id);
      assert.deepEqual(history.messages.map((m) => m.id), [missed.id]);
    });

    test("a packet over 16 KiB ends the connection", async () => {
      const { socket } = await client();
      const disconnected = chat.next(socket, "disconnect");
      socket.emit("chat:send", { room: "big", text: "x".repeat(17_000) });
      assert.ok(await disconnected);
    });

    test("over the rate limits sends are refused rate_limited, and a flood ends the connection", async () => {
      const room = `limits-${transports.length}`;
      const { socket } = await client();
      await chat.join(socket, room);
      const acks = await Promise.all(
        Array.from({ length: 30 }, (_, i) => chat.request(socket, "chat:send", { room, text: `m${i}` })));
      assert.ok(acks.some((ack) => ack.error?.code === "rate_limited"));

      const disconnected = chat.next(socket, "disconnect");
      for (let i = 0; i < 200; i++) {
        socket.emit("typing:start", { room });
      }
      const [reason] = await disconnected;
      assert.equal(reason, "io server disconnect");
    });
  });
}

describe("native /ws and Socket.IO clients in one room", () => {
  test("they see each other's messages, presence and typing", async () => {
    const room = "mixed";
    const native = await chat.register("ws");
    const sio = await chat.register();
    const ws = await chat.nativeClient(native.token);
    ws.send("room:join", { room }, 2);
    await ws.next((f) => f.event === "presence:state");

    const { socket } = await chat.connect(sio.token);
    const joined = ws.next((f) => f.event === "presence:join" && f.data.user.id === sio.user.id);
    await chat.join(socket, room);
    await joined;

    const fromSio = ws.next((f) => f.event === "chat:new" && f.data.text === "from socket.io");
    await chat.request(socket, "chat:send", { room, text: "from socket.io" });
    assert.equal((await fromSio).data.user, sio.user.name);

    const fromWs = chat.nextWhere(socket, "chat:new", (m) => m.text === "from /ws");
    ws.send("chat:send", { room, text: "from /ws" }, 3);
    assert.equal((await fromWs).user, native.user.name);

    const typing = chat.nextWhere(socket, "typing", (t) => t.user.id === native.user.id);
    ws.send("typing:start", { room });
    assert.equal((await typing).typing, true);

    socket.close();
    ws.close();
  });
});

describe("origins", () => {
  test("a disallowed Origin gets 403 without CORS headers, and a client sending it no session", async () => {
    const response = await fetch(`${chat.BASE_URL}/socket.io/?EIO=4&transport=polling`,
      { headers: { Origin: "http://localhost.evil.example" } });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get("access-control-allow-origin"), null);

    const { token } = await chat.register();
    for (const transports of [["polling"], ["websocket"]]) {
      const error = await chat.refused({ token }, { transports, extraHeaders: { Origin: "http://evil.example" } });
      assert.ok(error, `refused over ${transports}`);
    }
  });

  test("an allowed Origin gets its CORS headers on long-polling", async () => {
    const origin = "http://localhost:5173";
    const response = await fetch(`${chat.BASE_URL}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: origin } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("access-control-allow-origin"), origin);
  });
});
