// The life of the WebSocket: connect, authenticate, notice that it died, come back with backoff.
// Whoever uses it sees a ProtocolClient per authenticated connection and a state for the banner.

import { ReconnectSchedule } from './backoff';
import { ProtocolClient } from './client';
import { ChatError, CloseCode } from './protocol';

export type ConnectionState =
  { kind: 'connecting' } | { kind: 'online' } | { kind: 'reconnecting'; at: number } | { kind: 'offline' };

export interface ConnectionEvents {
  /** Authenticated: requests may go out on `client` until `lost`. */
  online(client: ProtocolClient): void;
  /** The authenticated connection is gone. */
  lost(): void;
  /** The token was refused or has expired: nothing more happens until a new login. */
  authFailed(): void;
  state(state: ConnectionState): void;
}

const HEARTBEAT_MS = 25_000;
const HEARTBEAT_TIMEOUT_MS = 10_000;
/** The longest wait between attempts while the page is in front (30 s in the background). */
const FRONT_MAX_DELAY_MS = 5_000;

/** The WebSocket URL of the page's own origin (the dev server proxies it). */
export function socketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export class Connection {
  #running = false;
  #socket: WebSocket | null = null;
  #client: ProtocolClient | null = null;
  #online = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  readonly #schedule = new ReconnectSchedule();

  constructor(
    private readonly url: string,
    private readonly token: () => string,
    private readonly events: ConnectionEvents,
  ) {
    // A browser that knows it has no network gets no attempts; it tells us when it is back.
    window.addEventListener('offline', () => {
      if (!this.#running) return;
      this.#teardown();
      this.events.state({ kind: 'offline' });
    });
    window.addEventListener('online', () => this.retryNow());
    // Someone looks at the page again: waiting for the next attempt would only make them wait.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.retryNow();
    });
    window.addEventListener('focus', () => this.retryNow());
  }

  start(): void {
    this.#teardown();
    this.#running = true;
    this.#schedule.reset();
    this.#connect();
  }

  stop(): void {
    this.#running = false;
    this.#teardown();
    this.events.state({ kind: 'offline' });
  }

  retryNow(): void {
    if (!this.#running || this.#socket) return;
    this.#schedule.reset();
    this.#connect();
  }

  #connect(): void {
    clearTimeout(this.#retryTimer);
    if (!navigator.onLine) {
      this.events.state({ kind: 'offline' });
      return;
    }
    this.events.state({ kind: 'connecting' });
    const socket = new WebSocket(this.url);
    const client = new ProtocolClient((text) => socket.send(text));
    this.#socket = socket;
    this.#client = client;
    socket.onopen = () => void this.#authenticate(client);
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') client.receive(event.data);
    };
    socket.onclose = (event) => {
      this.#teardown();
      if (event.code === CloseCode.authFailed) this.#authFailed();
      else this.#reconnectLater();
    };
  }

  async #authenticate(client: ProtocolClient): Promise<void> {
    try {
      await client.request('auth', { token: this.token() });
      this.#schedule.reset();
      this.#online = true;
      this.#heartbeat = setInterval(() => this.#checkAlive(client), HEARTBEAT_MS);
      this.events.state({ kind: 'online' });
      this.events.online(client);
    } catch (error) {
      if (client !== this.#client) return;
      this.#teardown();
      if (error instanceof ChatError && error.code === 'auth_failed') this.#authFailed();
      else this.#reconnectLater();
    }
  }

  /** A connection can die without a close event (a sleeping laptop, a dropped route): ask. */
  #checkAlive(client: ProtocolClient): void {
    client.request('ping', undefined, HEARTBEAT_TIMEOUT_MS).catch((error: unknown) => {
      if (client !== this.#client || !(error instanceof ChatError) || error.code !== 'timeout') return;
      this.#teardown();
      this.#reconnectLater();
    });
  }

  #reconnectLater(): void {
    if (!this.#running) return;
    const inFront = document.visibilityState === 'visible';
    const delay = this.#schedule.next(inFront ? FRONT_MAX_DELAY_MS : undefined);
    this.events.state({ kind: 'reconnecting', at: Date.now() + delay });
    this.#retryTimer = setTimeout(() => this.#connect(), delay);
  }

  #authFailed(): void {
    this.#running = false;
    this.events.state({ kind: 'offline' });
    this.events.authFailed();
  }

  /** Forgets the current socket (closing it if needed) and fails whatever waited on it. */
  #teardown(): void {
    clearTimeout(this.#retryTimer);
    clearInterval(this.#heartbeat);
    const socket = this.#socket;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) {
        socket.close(CloseCode.normal);
      }
    }
    this.#client?.close();
    this.#socket = null;
    this.#client = null;
    if (this.#online) {
      this.#online = false;
      this.events.lost();
    }
  }
}
