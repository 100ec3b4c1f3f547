// How fast messages go out: a token bucket kept under the server's limit for chat:send (10 a second
// with bursts of 20, per connection), so a quick writer waits a little instead of being refused.

export interface PaceOptions {
  perSecond: number;
  burst: number;
  now: () => number;
}

const defaults: PaceOptions = { perSecond: 8, burst: 16, now: () => Date.now() };

export class SendPace {
  readonly #options: PaceOptions;
  #tokens: number;
  #at: number;

  /** A new connection starts with a full bucket, as the server's does. */
  constructor(options: Partial<PaceOptions> = {}) {
    this.#options = { ...defaults, ...options };
    this.#tokens = this.#options.burst;
    this.#at = this.#options.now();
  }

  /** Milliseconds until the next message may go; 0 means now. */
  wait(): number {
    this.#refill();
    return this.#tokens >= 1 ? 0 : Math.ceil(((1 - this.#tokens) / this.#options.perSecond) * 1000);
  }

  take(): void {
    this.#refill();
    this.#tokens -= 1;
  }

  /** The server refused a message as too fast after all: let its bucket fill for `ms`. */
  holdFor(ms: number): void {
    this.#refill();
    this.#tokens = Math.min(this.#tokens, 1 - (ms / 1000) * this.#options.perSecond);
  }

  #refill(): void {
    const now = this.#options.now();
    const { perSecond, burst } = this.#options;
    this.#tokens = Math.min(burst, this.#tokens + ((now - this.#at) / 1000) * perSecond);
    this.#at = now;
  }
}
