import { describe, expect, it } from 'vitest';
import { mergeMessages, unseen } from '../../src/messages';
import type { Message } from '../../src/protocol';

function message(id: number, text = `m${id}`): Message {
  return { id, seq: id, room: 'general', user: 'alice', userId: 1, text, time: '2026-11-28T03:05:14.123Z' };
}

const ids = (messages: readonly Message[]) => messages.map((each) => each.id);

describe('mergeMessages', () => {
  it('appends recovered messages after the ones held', () => {
    expect(ids(mergeMessages([message(1), message(2)], [message(3), message(4)]))).toEqual([1, 2, 3, 4]);
  });

  it('keeps one copy of a message that arrives twice (ack, chat:new, recovery)', () => {
    const merged = mergeMessages([message(1), message(2), message(3)], [message(2), message(3), message(4)]);
    expect(ids(merged)).toEqual([1, 2, 3, 4]);
  });

  it('sorts by id whatever the arrival order, older pages included', () => {
    const merged = mergeMessages([message(10), message(12)], [message(11), message(3), message(7), message(3)]);
    expect(ids(merged)).toEqual([3, 7, 10, 11, 12]);
  });

  it('keeps the copy already held', () => {
    const held = message(5, 'held');
    expect(mergeMessages([held], [message(5, 'again')])[0]).toBe(held);
  });

  it('does not change its inputs', () => {
    const current = [message(2)];
    mergeMessages(current, [message(1)]);
    expect(ids(current)).toEqual([2]);
  });
});

describe('unseen', () => {
  it('picks the incoming messages not held yet', () => {
    expect(ids(unseen([message(1), message(2)], [message(2), message(3)]))).toEqual([3]);
  });
});
