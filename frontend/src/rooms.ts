// The rooms this user has joined: their messages, unread counts, the "new messages" line and which
// one is on screen. Names, counts, the line and the active room are kept in sessionStorage, so a
// reload joins the same rooms again and shows what was unread.

import { mergeMessages, unseen } from './messages';
import type { Message } from './protocol';
import type { KeyValueStore } from './storage';

export interface Room {
  readonly name: string;
  messages: Message[];
  /** Older messages exist on the server (the last history page said hasMore). */
  hasOlder: boolean;
  loadingOlder: boolean;
  unread: number;
  /** The newest message id counted, as read or as unread; null before the room's first page. */
  seen: number | null;
  /** The newest message id the user has had on screen. */
  read: number | null;
  /** The "new messages" line stands after this id; null: no line. */
  lineAfter: number | null;
  /** Joined on the current connection (the join's history has arrived), so requests may go out. */
  joined: boolean;
}

type SavedRoom = Pick<Room, 'name' | 'unread' | 'seen' | 'read' | 'lineAfter'>;

interface Saved {
  rooms: SavedRoom[];
  active: string | null;
}

export class Rooms {
  readonly #rooms = new Map<string, Room>();
  #active: string | null;
  /** The tab is in front: messages of the active room are read as they come. */
  #visible = true;

  constructor(
    private readonly storage: KeyValueStore,
    private readonly key: string,
  ) {
    const saved = load(storage, key);
    for (const room of saved.rooms) this.#rooms.set(room.name, newRoom(room));
    this.#active = saved.active !== null && this.#rooms.has(saved.active) ? saved.active : null;
  }

  get active(): Room | null {
    return this.#active === null ? null : (this.#rooms.get(this.#active) ?? null);
  }

  all(): Room[] {
    return [...this.#rooms.values()];
  }

  get(name: string): Room | undefined {
    return this.#rooms.get(name);
  }

  /** Unread messages in every room together. */
  get unread(): number {
    return this.all().reduce((sum, room) => sum + room.unread, 0);
  }

  add(name: string): Room {
    let room = this.#rooms.get(name);
    if (!room) {
      room = newRoom({ name, unread: 0, seen: null, read: null, lineAfter: null });
      this.#rooms.set(name, room);
      this.#save();
    }
    return room;
  }

  remove(name: string): void {
    this.#rooms.delete(name);
    if (this.#active === name) this.#active = this.#rooms.keys().next().value ?? null;
    this.#save();
  }

  /** Puts `name` on screen; the room left behind loses its "new messages" line. */
  activate(name: string): void {
    const room = this.#rooms.get(name);
    if (!room) return;
    const previous = this.active;
    if (previous && previous !== room) previous.lineAfter = null;
    this.#active = name;
    this.#markRead(room);
    this.#save();
  }

  setVisible(visible: boolean): void {
    this.#visible = visible;
    const room = this.active;
    if (visible && room) {
      this.#markRead(room);
      this.#save();
    }
  }

  /**
   * Merges arriving messages. Those newer than any counted before, from other users, are unread
   * unless the room is on screen in a tab in front. The room's first page (even an empty one)
   * only sets where counting starts.
   */
  receive(name: string, messages: readonly Message[], myId: number): void {
    const room = this.#rooms.get(name);
    if (!room) return;
    const fresh = unseen(room.messages, messages);
    room.messages = mergeMessages(room.messages, fresh);
    const newest = room.messages.at(-1)?.id ?? 0;
    const reading = this.#reading(room);
    if (room.seen !== null && !reading) {
      const seen = room.seen;
      room.unread += fresh.filter((message) => message.id > seen && message.userId !== myId).length;
    }
    room.seen = Math.max(room.seen ?? newest, newest);
    if (room.read === null || reading) room.read = room.seen;
    this.#save();
  }

  #reading(room: Room): boolean {
    return this.#visible && room.name === this.#active;
  }

  /** The room is on screen: unread messages are read now, below a line where the reader left off. */
  #markRead(room: Room): void {
    if (room.unread > 0 && room.lineAfter === null) room.lineAfter = room.read;
    room.unread = 0;
    room.read = room.seen;
  }

  #save(): void {
    const rooms = this.all().map(({ name, unread, seen, read, lineAfter }) => ({
      name,
      unread,
      seen,
      read,
      lineAfter,
    }));
    const saved: Saved = { rooms, active: this.#active };
    this.storage.setItem(this.key, JSON.stringify(saved));
  }
}

function newRoom(saved: SavedRoom): Room {
  return { ...saved, messages: [], hasOlder: false, loadingOlder: false, joined: false };
}

function load(storage: KeyValueStore, key: string): Saved {
  try {
    const value = JSON.parse(storage.getItem(key) ?? 'null') as Partial<Saved> | null;
    const rooms = Array.isArray(value?.rooms) ? value.rooms.filter((room) => typeof room?.name === 'string') : [];
    return {
      rooms: rooms.map((room) => ({
        name: room.name,
        unread: orZero(room.unread),
        seen: idOrNull(room.seen),
        read: idOrNull(room.read),
        lineAfter: idOrNull(room.lineAfter),
      })),
      active: typeof value?.active === 'string' ? value.active : null,
    };
  } catch {
    return { rooms: [], active: null };
  }
}

function orZero(value: unknown): number {
  return Number.isInteger(value) && (value as number) > 0 ? (value as number) : 0;
}

function idOrNull(value: unknown): number | null {
  return Number.isInteger(value) ? (value as number) : null;
}
