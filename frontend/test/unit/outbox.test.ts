import { describe, expect, it } from 'vitest';
import { Outbox } from '../../src/outbox';
import { MemoryStorage } from './memory-storage';

function ids() {
  let next = 0;
  return () => `c-${++next}`;
}

describe('Outbox', () => {
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
    expect(outbox.takePending('general').map((entry) => entry.text)).toEqual(['one']);
    expect(outbox.takePending('general')).toEqual([]);
    expect(outbox.inRoom('general')[0]?.status).toBe('sending');
  });

  it('forgets a delivered message', () => {
    const outbox = new Outbox(new MemoryStorage(), 'k', ids());
    outbox.add('general', 'one');
    outbox.takePending('general');
    outbox.delivered('c-1');
    expect(outbox.inRoom('general')).toEqual([]);
    expect(outbox.has('c-1')).toBe(false);
  });

  it('sends an unanswered message again with the same clientMsgId', () => {
    const outbox = new Outbox(new MemoryStorage(), 'k', ids());
    outbox.add('general', 'one');
    outbox.takePending('general');
    outbox.unanswered('c-1');
    expect(outbox.takePending('general').map((entry) => entry.clientMsgId)).toEqual(['c-1']);
  });

  it('holds a failed message with its reason until the user retries it', () => {
    const outbox = new Outbox(new MemoryStorage(), 'k', ids());
    outbox.add('general', 'one');
    outbox.takePending('general');
    outbox.failed('c-1', 'Sending too fast.');
    expect(outbox.inRoom('general')[0]).toMatchObject({ status: 'failed', error: 'Sending too fast.' });
    expect(outbox.takePending('general')).toEqual([]);
    outbox.retry('c-1');
    expect(outbox.inRoom('general')[0]).not.toHaveProperty('error');
    expect(outbox.takePending('general').map((entry) => entry.clientMsgId)).toEqual(['c-1']);
  });

  it('survives a reload, and what was in flight waits again', () => {
    const storage = new MemoryStorage();
    const before = new Outbox(storage, 'k', ids());
    before.add('general', 'in flight');
    before.takePending('general');
    before.add('general', 'failed');
    before.takePending('general');
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
