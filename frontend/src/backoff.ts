// When to try connecting again: exponential backoff with jitter, so that many clients cut off
// by the same server restart do not all come back in the same instant.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** A number in [0, 1); Math.random by default, fixed in tests. */
  random: () => number;
}

const defaults: BackoffOptions = { baseMs: 500, maxMs: 30_000, random: Math.random };

export class ReconnectSchedule {
  #attempt = 0;
  readonly #options: BackoffOptions;

  constructor(options: Partial<BackoffOptions> = {}) {
    this.#options = { ...defaults, ...options };
  }

  /**
   * The delay before the next attempt: half of base·2^n (capped) fixed, the other half random.
   * `capMs` caps this one lower than the usual maximum (a page in front retries sooner).
   */
  next(capMs = this.#options.maxMs): number {
    const { baseMs, maxMs, random } = this.#options;
    const ceiling = Math.min(maxMs, capMs, baseMs * 2 ** this.#attempt);
    this.#attempt++;
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
  }

  /** A connection succeeded: start from the shortest delay again. */
  reset(): void {
    this.#attempt = 0;
  }
}
