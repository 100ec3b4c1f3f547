import { describe, expect, it } from 'vitest';
import { ReconnectSchedule } from '../../src/backoff';

describe('ReconnectSchedule', () => {
  it('doubles the delay on every attempt up to the cap', () => {
    const highest = new ReconnectSchedule({ baseMs: 500, maxMs: 8000, random: () => 0.999999 });
    const delays = Array.from({ length: 7 }, () => highest.next());
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('keeps at least half of each delay and jitters the other half', () => {
    const lowest = new ReconnectSchedule({ baseMs: 500, maxMs: 8000, random: () => 0 });
    expect(Array.from({ length: 6 }, () => lowest.next())).toEqual([250, 500, 1000, 2000, 4000, 4000]);
    const middle = new ReconnectSchedule({ baseMs: 1000, maxMs: 8000, random: () => 0.5 });
    expect(middle.next()).toBe(750);
  });

  it('starts over after a successful connection', () => {
    const schedule = new ReconnectSchedule({ baseMs: 100, maxMs: 10_000, random: () => 0 });
    schedule.next();
    schedule.next();
    schedule.reset();
    expect(schedule.next()).toBe(50);
  });

  it('stays finite however long the server is away', () => {
    const schedule = new ReconnectSchedule({ random: Math.random });
    for (let i = 0; i < 2000; i++) {
      const delay = schedule.next();
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(30_000);
    }
  });

  it('waits no longer than a lower cap when one is given (a page in front)', () => {
    const schedule = new ReconnectSchedule({ random: () => 0.999 });
    const delays = Array.from({ length: 10 }, () => schedule.next(5_000));
    expect(Math.max(...delays)).toBeLessThanOrEqual(5_000);
    expect(Math.max(...delays)).toBeGreaterThan(4_900);
    expect(schedule.next()).toBeGreaterThan(5_000);
  });
});
