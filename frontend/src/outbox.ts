// Messages the user wrote that the server has not acknowledged yet. Each carries a clientMsgId,
// so sending it again after a lost ack is harmless: the server answers with the first copy.
// Kept in sessionStorage per user, so neither a reconnect nor a new login loses them.

import type { KeyValueStore } from './storage';

export type OutboxStatus = 'pending' | 'sending' | 'failed';

export interface OutgoingMessage {
  clientMsgId: string;
  room: string;
  text: string;
  status: OutboxStatus;
  error?: string;
}

export class Outbox {
  #entries: OutgoingMessage[];

  constructor(
    private readonly storage: KeyValueStore,
    private readonly key: string,
    private readonly newId: () => string = randomClientMsgId,
  ) {
    // A message that was in flight when the page went away is waiting again.
    this.#entries = load(storage, key).map((entry) =>
      entry.status === 'sending' ? { ...entry, status: 'pending' } : entry,
    );
  }

  add(room: string, text: string): OutgoingMessage {
    const entry: OutgoingMessage = { clientMsgId: this.newId(), room, text, status: 'pending' };
    this.#entries.push(entry);
    this.#save();
    return entry;
  }

  inRoom(room: string): readonly OutgoingMessage[] {
    return this.#entries.filter((entry) => entry.room === room);
  }

  has(clientMsgId: string): boolean {
    return this.#entries.some((entry) => entry.clientMsgId === clientMsgId);
  }

  /** The oldest pending message of a room where sending is possible, now marked as sending. */
  takeNext(ready: (room: string) => boolean): OutgoingMessage | undefined {
    const entry = this.#entries.find((candidate) => candidate.status === 'pending' && ready(candidate.room));
    if (entry) this.#update(entry.clientMsgId, 'sending');
    return entry;
  }

  /** The server has it (ack, or our own message came back): forget it. */
  delivered(clientMsgId: string): void {
    this.#entries = this.#entries.filter((entry) => entry.clientMsgId !== clientMsgId);
    this.#save();
  }

  /** The connection went away before the answer: send again after the next connect. */
  unanswered(clientMsgId: string): void {
    this.#update(clientMsgId, 'pending');
  }

  /** Refused or not answered in time: waits for the user to retry. */
  failed(clientMsgId: string, error: string): void {
    this.#update(clientMsgId, 'failed', error);
  }

  retry(clientMsgId: string): void {
    this.#update(clientMsgId, 'pending');
  }

  #update(clientMsgId: string, status: OutboxStatus, error?: string): void {
    const entry = this.#entries.find((candidate) => candidate.clientMsgId === clientMsgId);
    if (!entry) return;
    entry.status = status;
    if (error === undefined) delete entry.error;
    else entry.error = error;
    this.#save();
  }

  #save(): void {
    this.storage.setItem(this.key, JSON.stringify(this.#entries));
  }
}

function load(storage: KeyValueStore, key: string): OutgoingMessage[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(value) ? (value as OutgoingMessage[]) : [];
  } catch {
    return [];
  }
}

/** 32 hex digits; crypto.randomUUID would need a secure context, which plain http on a LAN is not. */
function randomClientMsgId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
