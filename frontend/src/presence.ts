// Who is online in each room, as told by presence:state, presence:join and presence:leave.

import type { User } from './protocol';

export class Presence {
  readonly #rooms = new Map<string, Map<number, User>>();

  /** The full list sent after each join; it replaces whatever we believed before. */
  replace(room: string, users: readonly User[]): void {
    this.#rooms.set(room, new Map(users.map((user) => [user.id, user])));
  }

  joined(room: string, user: User): void {
    this.#rooms.get(room)?.set(user.id, user);
  }

  left(room: string, user: User): void {
    this.#rooms.get(room)?.delete(user.id);
  }

  forget(room: string): void {
    this.#rooms.delete(room);
  }

  /** Disconnected: nobody is known to be online anywhere. */
  clear(): void {
    this.#rooms.clear();
  }

  users(room: string): User[] {
    const users = [...(this.#rooms.get(room)?.values() ?? [])];
    return users.sort((a, b) => a.name.localeCompare(b.name));
  }
}
