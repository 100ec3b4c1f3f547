import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingSender, Typists, typingText } from '../../src/typing';

describe('TypingSender', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const sent: string[] = [];
    const sender = new TypingSender((event, room) => sent.push(`${event} ${room}`));
    return { sent, sender };
  }

  it('sends typing:start at most once every 2 s while the user types', () => {
    const { sent, sender } = setup();
    for (let i = 0; i < 10; i++) {
      sender.input('general');
      vi.advanceTimersByTime(250);
    }
    expect(sent).toEqual(['typing:start general', 'typing:start general']);
  });

  it('sends typing:stop after 3 s without a keystroke', () => {
    const { sent, sender } = setup();
    sender.input('general');
    vi.advanceTimersByTime(2999);
    expect(sent).toEqual(['typing:start general']);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['typing:start general', 'typing:stop general']);
  });

  it('stops once on blur, and sends no stop after a send (the server stops it)', () => {
    const { sent, sender } = setup();
    sender.input('general');
    sender.stop();
    sender.stop();
    sender.input('general');
    sender.sent();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual(['typing:start general', 'typing:stop general']);
  });

  it('sends a start at most every 2 s, even across sends', () => {
    const { sent, sender } = setup();
    for (let i = 0; i < 23; i++) {
      sender.input('general');
      sender.sent();
      vi.advanceTimersByTime(91);
    }
    expect(sent).toEqual(['typing:start general', 'typing:start general']);
  });

  it('stops in the old room when the user switches rooms', () => {
    const { sent, sender } = setup();
    sender.input('general');
    vi.advanceTimersByTime(2000);
    sender.input('random');
    expect(sent).toEqual(['typing:start general', 'typing:stop general', 'typing:start random']);
  });
});

describe('Typists', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lists who types per room and forgets them on stop or after a while', () => {
    const changed = vi.fn();
    const typists = new Typists(changed);
    typists.set('general', { id: 2, name: 'bob' }, true);
    typists.set('general', { id: 3, name: 'alice' }, true);
    expect(typists.names('general')).toEqual(['alice', 'bob']);
    typists.set('general', { id: 3, name: 'alice' }, false);
    expect(typists.names('general')).toEqual(['bob']);
    vi.advanceTimersByTime(6000);
    expect(typists.names('general')).toEqual([]);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});

describe('typingText', () => {
  it('names up to two typists and counts the rest', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['alice'])).toBe('alice is typing…');
    expect(typingText(['alice', 'bob'])).toBe('alice and bob are typing…');
    expect(typingText(['alice', 'bob', 'carol'])).toBe('alice, bob and 1 other are typing…');
    expect(typingText(['alice', 'bob', 'carol', 'dave'])).toBe('alice, bob and 2 others are typing…');
  });
});
