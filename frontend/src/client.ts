// The protocol client: typed requests with acks and timeouts, typed server events.
// It never touches a socket: its owner hands it a `send` function, feeds it received text and
// tells it when the connection is gone, so it can be tested without a network.

import {
  type AckResults,
  ChatError,
  type ClientEvents,
  type ErrorData,
  MAX_ACK,
  type ServerEvents,
  decode,
  encode,
} from './protocol';

type Handler<T> = (data: T) => void;

interface Waiter {
  resolve(data: unknown): void;
  reject(error: ChatError): void;
}

export class ProtocolClient {
  #nextAck = 1;
  #closed = false;
  readonly #requests = new Map<number, Waiter>();
  readonly #waiters = new Set<Waiter>();
  readonly #handlers = new Map<string, Set<Handler<never>>>();

  constructor(
    private readonly send: (text: string) => void,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Sends `event` with an ack; settles exactly once: the result, a `chat:error`, a timeout or the close. */
  request<E extends keyof ClientEvents>(
    event: E,
    data: ClientEvents[E],
    timeoutMs = this.timeoutMs,
  ): Promise<AckResults[E]> {
    if (this.#closed) return Promise.reject(closedError());
    const ack = this.#takeAck();
    const result = this.#wait<AckResults[E]>(timeoutMs, `${event} was not answered`, (waiter) => {
      this.#requests.set(ack, waiter);
      return () => this.#requests.delete(ack);
    });
    this.send(encode(event, data, ack));
    return result;
  }

  /** Sends `event` without an ack (fire and forget, e.g. typing). */
  emit<E extends keyof ClientEvents>(event: E, data: ClientEvents[E]): void {
    if (!this.#closed) this.send(encode(event, data));
  }

  on<E extends keyof ServerEvents>(event: E, handler: Handler<ServerEvents[E]>): () => void {
    let set = this.#handlers.get(event);
    if (!set) this.#handlers.set(event, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }

  /** The next `event` whose data satisfies `match`, e.g. the `chat:history` that follows a join's ack. */
  next<E extends keyof ServerEvents>(
    event: E,
    match: (data: ServerEvents[E]) => boolean,
    timeoutMs = this.timeoutMs,
  ): Promise<ServerEvents[E]> {
    if (this.#closed) return Promise.reject(closedError());
    return this.#wait<ServerEvents[E]>(timeoutMs, `no ${event} arrived`, (waiter) => {
      this.#waiters.add(waiter);
      const off = this.on(event, (data) => {
        if (match(data)) waiter.resolve(data);
      });
      return () => {
        this.#waiters.delete(waiter);
        off();
      };
    });
  }

  /** Feeds one received text frame. Frames that are not protocol frames are ignored. */
  receive(text: string): void {
    const frame = decode(text);
    if (!frame) return;
    if (frame.ack !== undefined && (frame.event === 'ack' || frame.event === 'chat:error')) {
      // An ack we no longer wait for (timed out, or answered twice) is dropped.
      const waiter = this.#requests.get(frame.ack);
      if (frame.event === 'ack') waiter?.resolve(frame.data ?? {});
      else {
        const error = frame.data as ErrorData;
        waiter?.reject(new ChatError(error.code, error.message));
      }
      return;
    }
    this.#handlers.get(frame.event)?.forEach((handler) => handler(frame.data as never));
  }

  /** The connection is gone: every open request and waiter fails with code `closed`. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const open = [...this.#requests.values(), ...this.#waiters];
    open.forEach((waiter) => waiter.reject(closedError()));
    this.#handlers.clear();
  }

  #takeAck(): number {
    const ack = this.#nextAck;
    this.#nextAck = ack === MAX_ACK ? 1 : ack + 1;
    return ack;
  }

  /** A promise settled once; `register` installs the waiter and returns how to remove it. */
  #wait<T>(timeoutMs: number, timeoutText: string, register: (waiter: Waiter) => () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        unregister();
      };
      const waiter: Waiter = {
        resolve: (data) => {
          done();
          resolve(data as T);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.reject(new ChatError('timeout', timeoutText)), timeoutMs);
      const unregister = register(waiter);
    });
  }
}

function closedError(): ChatError {
  return new ChatError('closed', 'the connection is closed');
}
