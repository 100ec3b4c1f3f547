import type { KeyValueStore } from '../../src/storage';

/** sessionStorage's two methods, in memory. */
export class MemoryStorage implements KeyValueStore {
  readonly values = new Map<string, string>();

  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
}
