// A room's messages: one copy of each id, in ascending id order, whatever order and however often
// they arrive (live, history pages, recovery after a reconnect, our own acks).

import type { Message } from './protocol';

/** `current` and `incoming` merged, sorted by id, each id once (the copy already held wins). */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<number, Message>();
  for (const message of incoming) byId.set(message.id, message);
  for (const message of current) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** The messages of `incoming` whose ids are not in `current`. */
export function unseen(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const known = new Set(current.map((message) => message.id));
  return incoming.filter((message) => !known.has(message.id));
}
