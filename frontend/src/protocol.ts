// The wire contract of PROTOCOL.md (version 1.1) as types, plus frame encoding and decoding.

export interface User {
  id: number;
  name: string;
}

export interface Message {
  id: number;
  /** The message's position in its room: 1, 2, 3… with no holes (1.1). */
  seq: number;
  room: string;
  user: string;
  userId: number;
  text: string;
  time: string;
  clientMsgId?: string;
}

export interface Session {
  user: User;
  connectionId: string;
}

export interface ErrorData {
  code: string;
  message: string;
}

type Empty = Record<string, never>;

/** What the client sends: event name -> `data`. */
export interface ClientEvents {
  auth: { token: string };
  'room:join': { room: string; since?: number };
  'room:leave': { room: string };
  'chat:send': { room: string; text: string; clientMsgId?: string };
  'chat:history': { room: string; before?: number; limit?: number };
  'typing:start': { room: string };
  'typing:stop': { room: string };
  ping: undefined;
}

/** What an `ack` carries for each client event. */
export interface AckResults {
  auth: Session;
  'room:join': { room: string };
  'room:leave': { room: string };
  'chat:send': { id: number; seq: number; time: string };
  'chat:history': { room: string };
  'typing:start': Empty;
  'typing:stop': Empty;
  ping: Empty;
}

export interface History {
  room: string;
  messages: Message[];
  hasMore: boolean;
  /** The request answered: a join's `since` or a page's `before` (null when it had none). */
  since?: number | null;
  before?: number | null;
}

/** What the server pushes: event name -> `data` (acks are handled by the client itself). */
export interface ServerEvents {
  session: Session;
  'chat:new': Message;
  'chat:history': History;
  'presence:state': { room: string; users: User[] };
  'presence:join': { room: string; user: User };
  'presence:leave': { room: string; user: User };
  typing: { room: string; user: User; typing: boolean };
  'chat:error': ErrorData;
  pong: undefined;
}

export interface Frame {
  event: string;
  data?: unknown;
  ack?: number;
}

export const CloseCode = {
  normal: 1000,
  authFailed: 4401,
} as const;

export const MAX_ACK = 2 ** 31 - 1;

export function encode(event: string, data: unknown, ack?: number): string {
  const frame: Frame = { event };
  if (data !== undefined) frame.data = data;
  if (ack !== undefined) frame.ack = ack;
  return JSON.stringify(frame);
}

/** Parses one server frame; anything that is not `{"event": string, …}` is null. */
export function decode(text: string): Frame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { event, data, ack } = value as Record<string, unknown>;
  if (typeof event !== 'string') return null;
  const frame: Frame = { event };
  if (data !== undefined) frame.data = data;
  if (Number.isInteger(ack)) frame.ack = ack as number;
  return frame;
}

/** A `chat:error` answer, or a local failure with a code of our own (`timeout`, `closed`). */
export class ChatError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChatError';
  }
}
