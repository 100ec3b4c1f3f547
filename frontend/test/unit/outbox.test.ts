import { describe, expect, it } from 'vitest';
import { Outbox } from '../../src/outbox';
import { MemoryStorage } from './memory-storage';

function ids() {
  let next = 0;
  return () => `c-${++next}`;
}

const inGeneral = (room: string) => room === 'general';

describe('Outbox', () => {
  it('hands out the oldest pending message of a room that is ready, across rooms in the order written', () => {
    const outbox = new Outbox(new MemoryStorage(), 'k', ids());
    outbox.add('random', 'first');
    outbox.add('general', 'second');
    outbox.add('random', 'third');
    expect(outbox.takeNext(inGeneral)?.text).toBe('second');
    expect(outbox.takeNext(() => true)?.text).toBe('first');
    expect(outbox.takeNext(() => true)?.text).toBe('third');
  });

  it('gives every message its own clientMsgId and keeps them in order', () => {
    const outbox = new Outbox(new MemoryStorage(), 'k', ids());
    outbox.add('general', 'one');
    outbox.add('random', 'elsewhere');
    outbox.add('general', 'two');
    expect(outbox.inRoom('general').map((entry) => [entry.clientMsgId, entry.text, entry.status])).toEqual([
      ['c-1', 'one', 'pending'],
      ['c-3', 'two', 'pending'],
    ]);
  });

  it('hands out each pending message once until it is answered', () => {
    const outbox = new Outbox(new MemoryStorage(), 'k', ids());
    outbox.add('general', 'one');
    expect(outbox.takeNext(inGeneral)?.text).toBe('one');
    expect(outbox.takeNext(inGeneral)).toBeUndefined();
    expect(outbox.inRoom('general')[0]?.status).toBe('sending');
  });

  it('forgets a delivered message', () => {
    const outbox = new Outbox(new MemoryStorage(), 'k', ids());
    outbox.add('general', 'one');
    outbox.takeNext(inGeneral);
    outbox.delivered('c-1');
    expect(outbox.inRoom('general')).toEqual([]);
    expect(outbox.has('c-1')).toBe(false);
  });

  it('sends an unanswered message again with the same clientMsgId', () => {
    const outbox = new Outbox(new MemoryStorage(), 'k', ids());
    outbox.add('general', 'one');
    outbox.takeNext(inGeneral);
    outbox.unanswered('c-1');
    expect(outbox.takeNext(inGeneral)?.clientMsgId).toBe('c-1');
  });

  it('holds a failed message with its reason until the user retries it', () => {
    const outbox = new Outbox(new MemoryStorage(), 'k', ids());
    outbox.add('general', 'one');
    outbox.takeNext(inGeneral);
    outbox.failed('c-1', 'Sending too fast.');
    expect(outbox.inRoom('general')[0]).toMatchObject({ status: 'failed', error: 'Sending too fast.' });
    expect(outbox.takeNext(inGeneral)).toBeUndefined();
    outbox.retry('c-1');
    expect(outbox.inRoom('general')[0]).not.toHaveProperty('error');
    expect(outbox.takeNext(inGeneral)?.clientMsgId).toBe('c-1');
  });

  it('survives a reload, and what was in flight waits again', () => {
    const storage = new MemoryStorage();
    const before = new Outbox(storage, 'k', ids());
    before.add('general', 'in flight');
    before.takeNext(inGeneral);
    before.add('general', 'failed');
    before.takeNext(inGeneral);
    before.failed('c-2', 'refused');
    const after = new Outbox(storage, 'k', ids());
    expect(after.inRoom('general').map((entry) => [entry.text, entry.status])).toEqual([
      ['in flight', 'pending'],
      ['failed', 'failed'],
    ]);
  });

  it('makes random ids the server accepts (1 to 64 characters)', () => {
    const outbox = new Outbox(new MemoryStorage(), 'k');
    const a = outbox.add('general', 'a').clientMsgId;
    const b = outbox.add('general', 'b').clientMsgId;
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});
