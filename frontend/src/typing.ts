// Typing indicators in both directions.

import type { User } from './protocol';

/** typing:start goes out at most this often (the server forwards one every 2 s at most). */
const REPEAT_MS = 2000;
/** typing:stop goes out after this long without a keystroke. */
const IDLE_MS = 3000;
/** Someone else's typing state ends by itself after this long, in case their stop is lost. */
const EXPIRE_MS = 6000;

/**
 * Turns keystrokes in one room into typing:start / typing:stop. A start goes out at most every
 * 2 s, whatever happened in between, and is repeated while typing goes on, because the server ends
 * a typing state by itself 5 s after the last start. A sent message needs no stop: the server ends
 * the typing state itself.
 */
export class TypingSender {
  #room: string | null = null;
  #lastStart = -Infinity;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: (event: 'typing:start' | 'typing:stop', room: string) => void) {}

  /** A keystroke in `room`'s composer. */
  input(room: string): void {
    if (this.#room !== room) this.stop();
    const now = Date.now();
    if (now - this.#lastStart >= REPEAT_MS) {
      this.#room = room;
      this.#lastStart = now;
      this.send('typing:start', room);
    }
    clearTimeout(this.#idleTimer);
    if (this.#room !== null) this.#idleTimer = setTimeout(() => this.stop(), IDLE_MS);
  }

  /** The message was sent: the server has ended the typing state. */
  sent(): void {
    clearTimeout(this.#idleTimer);
    this.#room = null;
  }

  /** Left the field, cleared it, went idle or switched rooms. */
  stop(): void {
    const room = this.#room;
    this.sent();
    if (room !== null) this.send('typing:stop', room);
  }
}

/** Who else is typing, per room. */
export class Typists {
  readonly #rooms = new Map<string, Map<number, { user: User; timer: ReturnType<typeof setTimeout> }>>();

  constructor(private readonly onChange: () => void) {}

  set(room: string, user: User, typing: boolean): void {
    this.remove(room, user.id);
    if (!typing) return;
    let typists = this.#rooms.get(room);
    if (!typists) this.#rooms.set(room, (typists = new Map()));
    const timer = setTimeout(() => {
      this.remove(room, user.id);
      this.onChange();
    }, EXPIRE_MS);
    typists.set(user.id, { user, timer });
  }

  remove(room: string, userId: number): void {
    const entry = this.#rooms.get(room)?.get(userId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.#rooms.get(room)?.delete(userId);
  }

  clear(): void {
    for (const typists of this.#rooms.values()) typists.forEach((entry) => clearTimeout(entry.timer));
    this.#rooms.clear();
  }

  names(room: string): string[] {
    return [...(this.#rooms.get(room)?.values() ?? [])].map((entry) => entry.user.name).sort();
  }
}

/** "alice is typing…", "alice and bob are typing…", "alice, bob and 2 others are typing…". */
export function typingText(names: readonly string[]): string {
  const [first, second] = names;
  if (first === undefined) return '';
  if (second === undefined) return `${first} is typing…`;
  if (names.length === 2) return `${first} and ${second} are typing…`;
  const others = names.length - 2;
  return `${first}, ${second} and ${others} ${others === 1 ? 'other' : 'others'} are typing…`;
}
