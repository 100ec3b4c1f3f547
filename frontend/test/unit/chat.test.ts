// Recovery after a reconnect, driven through the real ProtocolClient with a scripted server.

import { describe, expect, it, vi } from 'vitest';
import { Chat } from '../../src/chat';
import { ProtocolClient } from '../../src/client';
import type { Message } from '../../src/protocol';
import { MemoryStorage } from './memory-storage';

interface SentFrame {
  event: string;
  data: Record<string, unknown>;
  ack?: number;
}

const alice = { id: 1, name: 'alice' };
const bob = { id: 2, name: 'bob' };

/** One connection: what the client sent, and a way to answer. */
class FakeConnection {
  readonly sent: SentFrame[] = [];
  readonly client = new ProtocolClient((text) => this.sent.push(JSON.parse(text) as SentFrame));

  frames(event: string): SentFrame[] {
    return this.sent.filter((frame) => frame.event === event);
  }

  push(event: string, data: unknown): void {
    this.client.receive(JSON.stringify({ event, data }));
  }

  ack(frame: SentFrame, data: unknown): void {
    this.client.receive(JSON.stringify({ event: 'ack', ack: frame.ack, data }));
  }

  /** Answers the last room:join the way the server does: ack, then history, then presence. */
  async answerJoin(messages: Message[], hasMore = false): Promise<void> {
    const join = this.frames('room:join').at(-1)!;
    const room = join.data.room as string;
    this.ack(join, { room });
    await settled();
    this.push('chat:history', { room, messages, hasMore, since: join.data.since ?? null });
    this.push('presence:state', { room, users: [alice, bob] });
    await settled();
  }
}

/** Lets every promise continuation run (no timers involved). */
function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function message(id: number, user = bob, extra: Partial<Message> = {}): Message {
  return {
    id,
    seq: id,
    room: 'general',
    user: user.name,
    userId: user.id,
    text: `m${id}`,
    time: '2026-11-28T03:05:14.123Z',
    ...extra,
  };
}

async function chatInGeneral(history: Message[]) {
  const chat = new Chat(alice, new MemoryStorage(), () => {});
  chat.open('general');
  const first = new FakeConnection();
  chat.attach(first.client);
  await first.answerJoin(history);
  return { chat, first };
}

/** The connection drops: the client fails what was open, the chat lets go of it. */
async function cut(connection: FakeConnection, chat: Chat): Promise<void> {
  connection.client.close();
  chat.detach();
  await settled();
}

const ids = (chat: Chat) => chat.rooms.get('general')!.messages.map((each) => each.id);

describe('Chat recovery of a hole in seq', () => {
  it('joins again with since = the newest message before the hole and fills it', async () => {
    const { chat, first } = await chatInGeneral([message(1), message(2)]);

    first.push('chat:new', message(5, bob, { seq: 5 }));
    await settled();
    expect(first.frames('room:join').map((frame) => frame.data)).toEqual([
      { room: 'general' },
      { room: 'general', since: 2 },
    ]);
    await first.answerJoin([message(3), message(4), message(5)]);

    expect(ids(chat)).toEqual([1, 2, 3, 4, 5]);
    expect(chat.rooms.get('general')!.joined).toBe(true);
  });

  it('asks once while the hole is being filled, and not at all for the next seq', async () => {
    const { first } = await chatInGeneral([message(1)]);

    first.push('chat:new', message(2));
    first.push('chat:new', message(4));
    first.push('chat:new', message(5));
    await settled();

    expect(first.frames('room:join').map((frame) => frame.data)).toEqual([
      { room: 'general' },
      { room: 'general', since: 2 },
    ]);
  });
});

describe('Chat recovery after a reconnect', () => {
  it('joins again with since = the last id seen and merges without duplicates', async () => {
    const { chat, first } = await chatInGeneral([message(1), message(2), message(3)]);
    await cut(first, chat);

    const second = new FakeConnection();
    chat.attach(second.client);
    expect(second.frames('room:join').map((frame) => frame.data)).toEqual([{ room: 'general', since: 3 }]);
    second.push('chat:new', message(4));
    await second.answerJoin([message(4), message(5)]);

    expect(ids(chat)).toEqual([1, 2, 3, 4, 5]);
    expect(chat.rooms.get('general')!.joined).toBe(true);
  });

  it('keeps joining while the server says more newer messages remain', async () => {
    const { chat, first } = await chatInGeneral([message(1)]);
    await cut(first, chat);

    const second = new FakeConnection();
    chat.attach(second.client);
    await second.answerJoin([message(2), message(3)], true);
    expect(second.frames('room:join').map((frame) => frame.data.since)).toEqual([1, 3]);
    await second.answerJoin([message(4)], false);
    expect(ids(chat)).toEqual([1, 2, 3, 4]);
  });

  it('sends a message written while offline once, after the rejoin, with its clientMsgId', async () => {
    const { chat, first } = await chatInGeneral([message(1)]);
    await cut(first, chat);
    chat.send('written offline');
    expect(chat.outbox.inRoom('general')).toMatchObject([{ text: 'written offline', status: 'pending' }]);

    const second = new FakeConnection();
    chat.attach(second.client);
    expect(second.frames('chat:send')).toEqual([]);
    await second.answerJoin([]);
    const sends = second.frames('chat:send');
    expect(sends).toHaveLength(1);
    const clientMsgId = sends[0]!.data.clientMsgId as string;
    expect(sends[0]!.data).toEqual({ room: 'general', text: 'written offline', clientMsgId });

    second.ack(sends[0]!, { id: 2, time: '2026-11-28T03:06:00.000Z' });
    second.push('chat:new', message(2, alice, { text: 'written offline', clientMsgId }));
    await settled();
    expect(ids(chat)).toEqual([1, 2]);
    expect(chat.outbox.inRoom('general')).toEqual([]);
  });

  it('does not send again a message the server stored before the ack was lost', async () => {
    const { chat, first } = await chatInGeneral([message(1)]);
    chat.send('stored, ack lost');
    const [send] = first.frames('chat:send');
    const clientMsgId = send!.data.clientMsgId as string;
    await cut(first, chat);
    expect(chat.outbox.inRoom('general')).toMatchObject([{ clientMsgId, status: 'pending' }]);

    const second = new FakeConnection();
    chat.attach(second.client);
    await second.answerJoin([message(2, alice, { text: 'stored, ack lost', clientMsgId })]);

    expect(second.frames('chat:send')).toEqual([]);
    expect(chat.outbox.inRoom('general')).toEqual([]);
    expect(ids(chat)).toEqual([1, 2]);
  });

  it('marks a refused message as failed, and sends it again when retried', async () => {
    const { chat, first } = await chatInGeneral([]);
    chat.send('refused');
    const [send] = first.frames('chat:send');
    first.client.receive(
      JSON.stringify({ event: 'chat:error', ack: send!.ack, data: { code: 'invalid_message', message: 'no' } }),
    );
    await settled();
    expect(chat.outbox.inRoom('general')).toMatchObject([{ status: 'failed', error: 'no' }]);

    chat.retry(send!.data.clientMsgId as string);
    const resent = first.frames('chat:send');
    expect(resent).toHaveLength(2);
    expect(resent[1]!.data.clientMsgId).toBe(send!.data.clientMsgId);
  });

  it('sends one message at a time, in the order written, and again after a refusal as too fast', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      const { chat, first } = await chatInGeneral([]);
      ['one', 'two', 'three'].forEach((text) => chat.send(text));
      expect(first.frames('chat:send').map((frame) => frame.data.text)).toEqual(['one']);
      const [one] = first.frames('chat:send');
      first.client.receive(
        JSON.stringify({ event: 'chat:error', ack: one!.ack, data: { code: 'rate_limited', message: 'slow down' } }),
      );
      await settled();
      expect(chat.outbox.inRoom('general').map((entry) => entry.status)).toEqual(['pending', 'pending', 'pending']);
      expect(first.frames('chat:send')).toHaveLength(1);

      vi.advanceTimersByTime(1000);
      for (const [i, text] of ['one', 'two', 'three'].entries()) {
        const frame = first.frames('chat:send')[i + 1]!;
        expect(frame.data.text).toBe(text);
        first.ack(frame, { id: i + 1, time: '2026-11-28T03:06:00.000Z' });
        await settled();
        // Just after a refusal the pace lets one through every 125 ms.
        vi.advanceTimersByTime(125);
      }
      expect(ids(chat)).toEqual([1, 2, 3]);
      expect(chat.outbox.inRoom('general')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps its pace under the server limit: a burst, then a few a second', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      const { chat, first } = await chatInGeneral([]);
      const answerAll = async () => {
        for (let frame; (frame = first.frames('chat:send').find((each) => !answered.has(each.ack!)));) {
          answered.add(frame.ack!);
          first.ack(frame, { id: frame.ack!, time: '2026-11-28T03:06:00.000Z' });
          await settled();
        }
      };
      const answered = new Set<number>();
      for (let i = 0; i < 30; i++) chat.send(`m${i}`);
      await answerAll();
      expect(first.frames('chat:send')).toHaveLength(16);
      vi.advanceTimersByTime(1000);
      await answerAll();
      expect(first.frames('chat:send').length).toBeLessThanOrEqual(16 + 8);
      vi.advanceTimersByTime(1000);
      await answerAll();
      expect(first.frames('chat:send')).toHaveLength(30);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts unread messages from others in rooms not on screen', async () => {
    const { chat, first } = await chatInGeneral([message(1)]);
    chat.open('random');
    first.push('chat:new', message(2));
    first.push('chat:new', message(3, alice));
    expect(chat.rooms.get('general')!.unread).toBe(1);
    chat.open('general');
    expect(chat.rooms.get('general')!.unread).toBe(0);
  });
});
