// A jchat client on the official socket.io-client: log in over HTTP, connect with the token, join a
// room, send with an acknowledgement, receive, and after a reconnect join again with `since` so that
// nothing sent meanwhile is lost. `node chat.mjs` plays it out with two users, alice and bob, on
// CHAT_URL (default http://localhost:3000), and exits 0 when alice got back what she missed.
import { io } from "socket.io-client";

const base = process.env.CHAT_URL ?? "http://localhost:3000";
const room = "general";

/** Logs in, registering the account the first time (a demo's convenience). */
async function login(username, password) {
  const post = (path) => fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  let response = await post("/api/auth/login");
  if (response.status === 401) {
    response = await post("/api/auth/register");
  }
  if (!response.ok) {
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()).token;
}

/**
 * A chat user: connects, and after every (re)connection joins the room with the id of the last
 * message it saw, so the history it gets is exactly what it missed.
 */
function connect(name, token) {
  const socket = io(base, { auth: { token } });
  const user = { socket, lastSeen: undefined };
  const saw = (message) => {
    user.lastSeen = Math.max(user.lastSeen ?? 0, message.id);
  };
  socket.on("connect_error", (error) => console.error(`${name}: connect_error ${error.message}`));
  socket.on("chat:new", (message) => {
    console.log(`${name} <- ${message.user}: ${message.text}`);
    saw(message);
  });
  socket.on("chat:history", (history) => {
    const since = user.lastSeen;
    history.messages.forEach(saw);
    console.log(since === undefined
      ? `${name} <- the room's last ${history.messages.length} message(s)`
      : `${name} <- ${history.messages.length} message(s) since ${since}: ${history.messages.map((m) => m.text).join(", ")}`);
  });
  socket.on("session", async () => {
    const since = user.lastSeen;
    const ack = await socket.emitWithAck("room:join", since === undefined ? { room } : { room, since });
    if (ack.error) {
      console.error(`${name}: join refused, ${ack.error.code}`);
    }
  });
  return user;
}

/** Sends with an acknowledgement: the ack comes once the message is stored. */
async function send(name, user, text) {
  const ack = await user.socket.emitWithAck("chat:send", { room, text });
  if (ack.error) {
    throw new Error(`${name}: send refused, ${ack.error.code}: ${ack.error.message}`);
  }
  console.log(`${name} -> "${text}" stored as message ${ack.id}`);
  return ack;
}

function once(user, event, test = () => true) {
  return new Promise((resolve) => {
    const listener = (data) => {
      if (test(data)) {
        user.socket.off(event, listener);
        resolve(data);
      }
    };
    user.socket.on(event, listener);
  });
}

const alice = connect("alice", await login("alice_demo", "correct horse battery"));
await once(alice, "chat:history");
const bob = connect("bob", await login("bob_demo", "correct horse battery"));
await once(bob, "chat:history");

const delivered = [alice, bob].map((user) => once(user, "chat:new", (m) => m.text === "hello from alice"));
await send("alice", alice, "hello from alice");
await Promise.all(delivered);

// alice's network drops; bob writes while she is away; Socket.IO reconnects her by itself
const back = once(alice, "chat:history");
alice.socket.io.engine.close();
const missed = await send("bob", bob, "bob, while alice was away");
const recovered = await back;

const ok = recovered.messages.some((m) => m.id === missed.id);
console.log(ok ? "alice recovered what she missed" : "alice lost a message");
alice.socket.close();
bob.socket.close();
process.exit(ok ? 0 : 1);
