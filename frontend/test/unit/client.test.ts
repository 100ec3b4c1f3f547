import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProtocolClient } from '../../src/client';
import { ChatError, decode, encode } from '../../src/protocol';

function setup(timeoutMs = 1000) {
  const sent: string[] = [];
  const client = new ProtocolClient((text) => sent.push(text), timeoutMs);
  const frames = () => sent.map((text) => JSON.parse(text) as { event: string; data?: unknown; ack?: number });
  return { client, frames };
}

describe('frame encoding', () => {
  it('writes event, data and ack, leaving out what is absent', () => {
    expect(encode('ping', undefined)).toBe('{"event":"ping"}');
    expect(encode('room:join', { room: 'general' }, 3)).toBe('{"event":"room:join","data":{"room":"general"},"ack":3}');
  });

  it('reads a server frame', () => {
    expect(decode('{"event":"ack","ack":2,"data":{"id":5}}')).toEqual({ event: 'ack', ack: 2, data: { id: 5 } });
    expect(decode('{"event":"pong"}')).toEqual({ event: 'pong' });
  });

  it('rejects what is not one JSON object with an event name', () => {
    for (const text of ['nope', '[]', '42', 'null', '{"data":{}}', '{"event":7}']) expect(decode(text)).toBeNull();
  });
});

describe('ProtocolClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('numbers requests and resolves each with its ack', async () => {
    const { client, frames } = setup();
    const join = client.request('room:join', { room: 'general' });
    const send = client.request('chat:send', { room: 'general', text: 'hi', clientMsgId: 'c-1' });
    expect(frames()).toEqual([
      { event: 'room:join', data: { room: 'general' }, ack: 1 },
      { event: 'chat:send', data: { room: 'general', text: 'hi', clientMsgId: 'c-1' }, ack: 2 },
    ]);
    client.receive('{"event":"ack","ack":2,"data":{"id":9,"time":"2026-11-28T03:05:14.123Z"}}');
    client.receive('{"event":"ack","ack":1,"data":{"room":"general"}}');
    await expect(send).resolves.toEqual({ id: 9, time: '2026-11-28T03:05:14.123Z' });
    await expect(join).resolves.toEqual({ room: 'general' });
  });

  it('rejects a request answered by chat:error with the error code', async () => {
    const { client } = setup();
    const send = client.request('chat:send', { room: 'general', text: '' });
    client.receive('{"event":"chat:error","ack":1,"data":{"code":"invalid_message","message":"empty"}}');
    await expect(send).rejects.toMatchObject({ name: 'ChatError', code: 'invalid_message', message: 'empty' });
  });

  it('settles a request once, ignoring a second answer', async () => {
    const { client } = setup();
    const errors = vi.fn();
    client.on('chat:error', errors);
    const join = client.request('room:join', { room: 'general' });
    client.receive('{"event":"ack","ack":1,"data":{"room":"general"}}');
    client.receive('{"event":"chat:error","ack":1,"data":{"code":"internal","message":"late"}}');
    client.receive('{"event":"ack","ack":1,"data":{"room":"other"}}');
    await expect(join).resolves.toEqual({ room: 'general' });
    expect(errors).not.toHaveBeenCalled();
  });

  it('fails a request that is not answered in time, and drops the late answer', async () => {
    const { client } = setup(1000);
    const join = client.request('room:join', { room: 'general' });
    const outcome = join.catch((error: unknown) => error);
    vi.advanceTimersByTime(999);
    client.receive('{"event":"pong"}');
    vi.advanceTimersByTime(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(() => client.receive('{"event":"ack","ack":1,"data":{"room":"general"}}')).not.toThrow();
  });

  it('fails every open request when the connection closes, and refuses new ones', async () => {
    const { client, frames } = setup();
    const first = client.request('room:join', { room: 'a' });
    const second = client.next('chat:history', () => true);
    client.close();
    await expect(first).rejects.toMatchObject({ code: 'closed' });
    await expect(second).rejects.toMatchObject({ code: 'closed' });
    await expect(client.request('ping', undefined)).rejects.toMatchObject({ code: 'closed' });
    client.emit('typing:start', { room: 'a' });
    expect(frames()).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('delivers server events to the handlers of that event until they unsubscribe', () => {
    const { client } = setup();
    const messages = vi.fn();
    const errors = vi.fn();
    const off = client.on('chat:new', messages);
    client.on('chat:error', errors);
    const message = { id: 1, room: 'general', user: 'bob', userId: 2, text: 'yo', time: '2026-11-28T03:05:14.123Z' };
    client.receive(JSON.stringify({ event: 'chat:new', data: message }));
    client.receive('{"event":"chat:error","data":{"code":"rate_limited","message":"slow down"}}');
    off();
    client.receive(JSON.stringify({ event: 'chat:new', data: { ...message, id: 2 } }));
    client.receive('not json');
    expect(messages).toHaveBeenCalledTimes(1);
    expect(messages).toHaveBeenCalledWith(message);
    expect(errors).toHaveBeenCalledWith({ code: 'rate_limited', message: 'slow down' });
  });

  it('waits for the next matching event, or times out', async () => {
    const { client } = setup(500);
    const general = client.next('chat:history', (history) => history.room === 'general');
    client.receive('{"event":"chat:history","data":{"room":"random","messages":[],"hasMore":false}}');
    client.receive('{"event":"chat:history","data":{"room":"general","messages":[],"hasMore":true}}');
    await expect(general).resolves.toEqual({ room: 'general', messages: [], hasMore: true });

    const never = client.next('presence:state', () => true);
    vi.advanceTimersByTime(500);
    await expect(never).rejects.toMatchObject({ code: 'timeout' });
  });

  it('sends fire-and-forget events without an ack', () => {
    const { client, frames } = setup();
    client.emit('typing:start', { room: 'general' });
    expect(frames()).toEqual([{ event: 'typing:start', data: { room: 'general' } }]);
  });
});
