// The chat of one logged-in user: reacts to server events, joins rooms (again after every
// reconnect, and when a `seq` shows a missed message, recovering with `since`), sends through the
// outbox one message at a time, in the
// order written and paced under the server's rate limit, and pages back through history.
// The views read its stores and call its actions; `onChange` tells them to draw again.

import type { ProtocolClient } from './client';
import { Outbox } from './outbox';
import { SendPace } from './pace';
import { Presence } from './presence';
import { ChatError, type Message, type User } from './protocol';
import { Rooms, type Room } from './rooms';
import type { KeyValueStore } from './storage';
import { TypingSender, Typists } from './typing';

const PAGE_SIZE = 50;
/** After a message refused as too fast, the next try waits this long. */
const RATE_LIMITED_PAUSE_MS = 1000;

export class Chat {
  readonly rooms: Rooms;
  readonly outbox: Outbox;
  readonly presence = new Presence();
  readonly typists: Typists;
  readonly #typing: TypingSender;
  #client: ProtocolClient | null = null;
  #pace = new SendPace();
  /** Rooms being joined again to fetch messages that a `seq` showed missing. */
  readonly #recovering = new Set<string>();
  /** A chat:send is waiting for its answer: the next one goes after it. */
  #sending = false;
  #paceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly me: User,
    storage: KeyValueStore,
    private readonly onChange: () => void,
    /** A message that has just arrived live (not from a history page). */
    private readonly onMessage: (message: Message) => void = () => {},
  ) {
    this.rooms = new Rooms(storage, `chat.rooms.${me.id}`);
    this.outbox = new Outbox(storage, `chat.outbox.${me.id}`);
    this.typists = new Typists(onChange);
    this.#typing = new TypingSender((event, room) => {
      if (this.rooms.get(room)?.joined) this.#client?.emit(event, { room });
    });
  }

  get online(): boolean {
    return this.#client !== null;
  }

  /** A new authenticated connection: listen, then join every room again and send what waits. */
  attach(client: ProtocolClient): void {
    this.#client = client;
    this.#pace = new SendPace();
    client.on('chat:new', (message) => {
      this.#recoverHoleBefore(client, message);
      this.#receive(message.room, [message]);
      this.onMessage(message);
    });
    client.on('presence:state', ({ room, users }) => this.#update(() => this.presence.replace(room, users)));
    client.on('presence:join', ({ room, user }) => this.#update(() => this.presence.joined(room, user)));
    client.on('presence:leave', ({ room, user }) =>
      this.#update(() => {
        this.presence.left(room, user);
        this.typists.remove(room, user.id);
      }),
    );
    client.on('typing', ({ room, user, typing }) => {
      if (user.id !== this.me.id) this.#update(() => this.typists.set(room, user, typing));
    });
    client.on('chat:error', (error) => console.warn(`chat:error ${error.code}: ${error.message}`));
    this.rooms.all().forEach((room) => void this.#join(client, room));
  }

  /**
   * The connection is gone; an in-flight send falls back to pending by itself. Who is online is
   * unknown until the next join tells again.
   */
  detach(): void {
    this.#client = null;
    this.#sending = false;
    clearTimeout(this.#paceTimer);
    this.rooms.all().forEach((room) => (room.joined = false));
    this.presence.clear();
    this.typists.clear();
    this.onChange();
  }

  /** The tab came to the front or went to the background: what is on screen now counts as read. */
  setVisible(visible: boolean): void {
    this.rooms.setVisible(visible);
    this.onChange();
  }

  /** Shows `name`, joining it first if needed. */
  open(name: string): void {
    this.#typing.stop();
    const known = this.rooms.get(name);
    const room = known ?? this.rooms.add(name);
    this.rooms.activate(name);
    this.onChange();
    if (!known && this.#client) void this.#join(this.#client, room);
  }

  leave(name: string): void {
    this.#typing.stop();
    const wasJoined = this.rooms.get(name)?.joined;
    this.rooms.remove(name);
    this.presence.forget(name);
    this.onChange();
    if (wasJoined) this.#client?.request('room:leave', { room: name }).catch(warn);
  }

  /** Queues `text` for the room on screen and sends it at once when that is possible. */
  send(text: string): void {
    const room = this.rooms.active;
    if (!room) return;
    this.#typing.sent();
    this.outbox.add(room.name, text);
    this.onChange();
    this.#sendNext();
  }

  retry(clientMsgId: string): void {
    this.outbox.retry(clientMsgId);
    this.onChange();
    this.#sendNext();
  }

  typingInput(): void {
    const room = this.rooms.active;
    if (room) this.#typing.input(room.name);
  }

  typingStop(): void {
    this.#typing.stop();
  }

  async loadOlder(): Promise<void> {
    const client = this.#client;
    const room = this.rooms.active;
    const before = room?.messages[0]?.id;
    if (!client || !room?.joined || !room.hasOlder || room.loadingOlder || before === undefined) return;
    room.loadingOlder = true;
    this.onChange();
    try {
      await client.request('chat:history', { room: room.name, before, limit: PAGE_SIZE });
      const page = await client.next('chat:history', (history) => history.room === room.name && history.before === before);
      this.#receive(room.name, page.messages);
      room.hasOlder = page.hasMore;
    } catch (error) {
      warn(error);
    } finally {
      room.loadingOlder = false;
      this.onChange();
    }
  }

  /**
   * A live message whose `seq` is not the next after the newest one held means some were missed
   * (the server lost track of them on the way): join again with `since`, which brings them.
   */
  #recoverHoleBefore(client: ProtocolClient, message: Message): void {
    const room = this.rooms.get(message.room);
    const newest = room?.messages.at(-1);
    if (!room?.joined || !newest || newest.seq === undefined || message.seq <= newest.seq + 1) return;
    if (this.#recovering.has(room.name)) return;
    this.#recovering.add(room.name);
    void this.#join(client, room, newest.id).finally(() => this.#recovering.delete(room.name));
  }

  /**
   * Joins on the server. With messages already held it asks only for newer ones (`since`), as
   * often as the server says more remain; then the room's waiting messages go out.
   */
  async #join(client: ProtocolClient, room: Room, from = room.messages.at(-1)?.id): Promise<void> {
    const name = room.name;
    let since = from;
    try {
      for (;;) {
        await client.request('room:join', since === undefined ? { room: name } : { room: name, since });
        // The history follows the ack; this line runs before the next frame is handled.
        const asked = since ?? null;
        const history = await client.next('chat:history', (page) => page.room === name && (page.since ?? null) === asked);
        this.#receive(name, history.messages);
        if (since === undefined) room.hasOlder = history.hasMore;
        const newest = history.messages.at(-1)?.id;
        if (since === undefined || !history.hasMore || newest === undefined) break;
        since = newest;
      }
    } catch (error) {
      warn(error);
      return;
    }
    if (this.rooms.get(name) !== room || client !== this.#client) return;
    room.joined = true;
    this.onChange();
    this.#sendNext();
  }

  /**
   * Sends the oldest pending message of a joined room, and the next one once it is answered, so
   * the server stores them in the order written; the pace keeps them under its rate limit.
   */
  #sendNext(): void {
    const client = this.#client;
    if (!client || this.#sending) return;
    clearTimeout(this.#paceTimer);
    const wait = this.#pace.wait();
    if (wait > 0) {
      this.#paceTimer = setTimeout(() => this.#sendNext(), wait);
      return;
    }
    const entry = this.outbox.takeNext((room) => this.rooms.get(room)?.joined === true);
    if (!entry) return;
    const { room, text, clientMsgId } = entry;
    this.#pace.take();
    this.#sending = true;
    client
      .request('chat:send', { room, text, clientMsgId })
      .then(
        ({ id, seq, time }) => {
          const message: Message = { id, seq, room, user: this.me.name, userId: this.me.id, text, time, clientMsgId };
          this.#receive(room, [message]);
        },
        (error: unknown) => {
          const code = error instanceof ChatError ? error.code : null;
          if (code === 'closed' || code === 'rate_limited') this.outbox.unanswered(clientMsgId);
          else this.outbox.failed(clientMsgId, describe(error));
          if (code === 'rate_limited') this.#pace.holdFor(RATE_LIMITED_PAUSE_MS);
          this.onChange();
        },
      )
      .finally(() => {
        if (client !== this.#client) return;
        this.#sending = false;
        this.#sendNext();
      });
  }

  /** Merges messages; our own that come back settle their outbox entries. */
  #receive(room: string, messages: readonly Message[]): void {
    this.rooms.receive(room, messages, this.me.id);
    for (const message of messages) {
      if (message.userId === this.me.id && message.clientMsgId && this.outbox.has(message.clientMsgId)) {
        this.outbox.delivered(message.clientMsgId);
      }
    }
    this.onChange();
  }

  #update(change: () => void): void {
    change();
    this.onChange();
  }
}

function describe(error: unknown): string {
  if (error instanceof ChatError && error.code === 'timeout') return 'No answer from the server.';
  return error instanceof Error ? error.message : String(error);
}

function warn(error: unknown): void {
  console.warn(error);
}
