// The HTTP API of PROTOCOL.md section 1. The token travels in the Authorization header only.

import type { User } from './protocol';

export interface Credentials {
  token: string;
  user: User;
}

export interface RoomSummary {
  name: string;
  lastMessageId: number | null;
  online: number;
}

/** A non-2xx answer: `status` and the body's `error` code and `message`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function register(username: string, password: string): Promise<Credentials> {
  return call<Credentials>('POST', '/api/auth/register', { body: { username, password } });
}

export function login(username: string, password: string): Promise<Credentials> {
  return call<Credentials>('POST', '/api/auth/login', { body: { username, password } });
}

export function listRooms(token: string): Promise<RoomSummary[]> {
  return call<RoomSummary[]>('GET', '/api/rooms', { token });
}

async function call<T>(method: string, path: string, options: { body?: unknown; token?: string }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'unavailable', 'The server cannot be reached. Check your connection.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const { error, message } = (body ?? {}) as { error?: string; message?: string };
  throw new ApiError(response.status, error ?? 'internal', message ?? `The server answered ${response.status}.`);
}
