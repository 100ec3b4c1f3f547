// The rooms this user has joined: their messages, unread counts and which one is on screen.
// The list of names and the active room are kept in sessionStorage, so a reload joins them again.

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
  /** Joined on the current connection (the join's history has arrived), so requests may go out. */
  joined: boolean;
}

interface Saved {
  joined: string[];
  active: string | null;
}

export class Rooms {
  readonly #rooms = new Map<string, Room>();
  #active: string | null;

  constructor(
    private readonly storage: KeyValueStore,
    private readonly key: string,
  ) {
    const saved = load(storage, key);
    saved.joined.forEach((name) => this.add(name));
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

  add(name: string): Room {
    let room = this.#rooms.get(name);
    if (!room) {
      room = { name, messages: [], hasOlder: false, loadingOlder: false, unread: 0, joined: false };
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

  activate(name: string): void {
    const room = this.#rooms.get(name);
    if (!room) return;
    room.unread = 0;
    this.#active = name;
    this.#save();
  }

  /**
   * Merges arriving messages. New ones from other users count as unread in a room that is not on
   * screen when `countUnread` (live and recovered messages, not the first page or older pages).
   */
  receive(name: string, messages: readonly Message[], myId: number, countUnread: boolean): void {
    const room = this.#rooms.get(name);
    if (!room) return;
    const fresh = unseen(room.messages, messages);
    if (fresh.length === 0) return;
    room.messages = mergeMessages(room.messages, fresh);
    if (countUnread && name !== this.#active) {
      room.unread += fresh.filter((message) => message.userId !== myId).length;
    }
  }

  #save(): void {
    const saved: Saved = { joined: [...this.#rooms.keys()], active: this.#active };
    this.storage.setItem(this.key, JSON.stringify(saved));
  }
}

function load(storage: KeyValueStore, key: string): Saved {
  try {
    const value = JSON.parse(storage.getItem(key) ?? 'null') as Partial<Saved> | null;
    return {
      joined: Array.isArray(value?.joined) ? value.joined.filter((name) => typeof name === 'string') : [],
      active: typeof value?.active === 'string' ? value.active : null,
    };
  } catch {
    return { joined: [], active: null };
  }
}
