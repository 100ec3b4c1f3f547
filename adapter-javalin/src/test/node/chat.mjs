// What the tests share: accounts over the HTTP API, Socket.IO and native /ws clients, and waiting
// for events with a timeout (never sleeping to synchronise).
import { io } from "socket.io-client";
import WebSocket from "ws";

export const BASE_URL = process.env.BASE_URL;
export const WAIT_MS = 10_000;
let users = 0;

/** A new account; its token and user. */
export async function register(prefix = "sio", baseUrl = BASE_URL) {
  const username = `${prefix}${process.pid}_${++users}`;
  const response = await fetch(`${baseUrl}/api/auth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: "correct horse battery" }),
  });
  if (response.status !== 201) {
    throw new Error(`register ${username}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** The first `event` the emitter emits, or a failure after `ms`. */
export function next(emitter, event, ms = WAIT_MS) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    emitter.once(event, (...args) => {
      clearTimeout(timer);
      resolve(args.length > 1 ? args : args[0]);
    });
  });
}

/** The first `event` whose data passes `test`. */
export function nextWhere(socket, event, test, ms = WAIT_MS) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no matching ${event} within ${ms} ms`));
    }, ms);
    const listener = (data) => {
      if (test(data)) {
        clearTimeout(timer);
        socket.off(event, listener);
        resolve(data);
      }
    };
    socket.on(event, listener);
  });
}

/**
 * A Socket.IO client, connected (and upgraded, when it may use WebSocket after long-polling):
 * resolves with the socket and the session event's data.
 */
export async function connect(token, options = {}) {
  const socket = io(options.url ?? BASE_URL, { auth: { token }, reconnection: false, forceNew: true, ...options });
  const refused = new Promise((resolve, reject) => socket.once("connect_error", (e) => reject(new Error(e.message))));
  const session = await Promise.race([next(socket, "session"), refused]);
  const engine = socket.io.engine;
  if ((options.transports ?? ["polling", "websocket"]).includes("websocket") && engine.transport.name !== "websocket") {
    await next(engine, "upgrade");
  }
  return { socket, session };
}

/** The connect_error a refused client gets. */
export async function refused(auth, options = {}) {
  const socket = io(BASE_URL, { auth, reconnection: false, forceNew: true, ...options });
  try {
    return await next(socket, "connect_error");
  } finally {
    socket.close();
  }
}

/** Emits with an acknowledgement callback; resolves with what the callback received. */
export function request(socket, event, data, ms = WAIT_MS) {
  return socket.timeout(ms).emitWithAck(event, data);
}

/** Joins the room; resolves with the history and presence that follow the ack. */
export async function join(socket, room, since) {
  const history = nextWhere(socket, "chat:history", (data) => data.room === room);
  const presence = nextWhere(socket, "presence:state", (data) => data.room === room);
  const ack = await request(socket, "room:join", since === undefined ? { room } : { room, since });
  return { ack, history: await history, presence: await presence };
}

/** A native /ws client, authenticated: send(event, data) and next(event) on its frames. */
export async function nativeClient(token) {
  const ws = new WebSocket(`${BASE_URL.replace(/^http/, "ws")}/ws`);
  const frames = [];
  const waiters = [];
  ws.on("message", (text) => {
    const frame = JSON.parse(text.toString());
    const waiter = waiters.findIndex((w) => w.test(frame));
    if (waiter >= 0) {
      waiters.splice(waiter, 1)[0].resolve(frame);
    } else {
      frames.push(frame);
    }
  });
  await next(ws, "open");
  const client = {
    send(event, data, ack) {
      ws.send(JSON.stringify(ack === undefined ? { event, data } : { event, data, ack }));
    },
    next(test, ms = WAIT_MS) {
      const queued = frames.findIndex(test);
      if (queued >= 0) {
        return Promise.resolve(frames.splice(queued, 1)[0]);
      }
      return new Promise((resolve, reject) => {
        const waiter = { test, resolve };
        waiters.push(waiter);
        setTimeout(() => reject(new Error(`no matching frame within ${ms} ms`)), ms);
      });
    },
    close() {
      ws.close();
    },
  };
  client.send("auth", { token }, 1);
  await client.next((frame) => frame.event === "session");
  return client;
}
