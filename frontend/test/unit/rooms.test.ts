import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/protocol';
import { Rooms } from '../../src/rooms';
import { MemoryStorage } from './memory-storage';

const ME = 1;

function message(id: number, userId = 2): Message {
  return { id, seq: id, room: 'general', user: `user${userId}`, userId, text: `m${id}`, time: '2026-11-28T03:05:14.123Z' };
}

describe('Rooms', () => {
  it('keeps the joined rooms and the active one through any number of reloads', () => {
    const storage = new MemoryStorage();
    const first = new Rooms(storage, 'k');
    first.add('general');
    first.add('second');
    first.activate('second');
    const second = new Rooms(storage, 'k');
    const third = new Rooms(storage, 'k');
    expect(second.active?.name).toBe('second');
    expect(third.active?.name).toBe('second');
    expect(third.all().map((room) => room.name)).toEqual(['general', 'second']);
  });

  it('counts new messages of others in rooms not on screen, and keeps the counts through a reload', () => {
    const storage = new MemoryStorage();
    const rooms = new Rooms(storage, 'k');
    rooms.add('general');
    rooms.add('random');
    rooms.activate('random');
    rooms.receive('general', [], ME);
    rooms.receive('general', [message(1), message(2, ME), message(3)], ME);
    expect(rooms.get('general')!.unread).toBe(2);

    const reloaded = new Rooms(storage, 'k');
    expect(reloaded.get('general')!.unread).toBe(2);
    expect(reloaded.unread).toBe(2);
    // The first page after the reload holds the same messages and one that came meanwhile.
    reloaded.receive('general', [message(1), message(2, ME), message(3), message(4)], ME);
    expect(reloaded.get('general')!.unread).toBe(3);
  });

  it('draws the "new messages" line where the reader left off, keeps it through a reload, drops it on leaving', () => {
    const storage = new MemoryStorage();
    const rooms = new Rooms(storage, 'k');
    rooms.add('general');
    rooms.activate('general');
    rooms.receive('general', [message(1)], ME);
    rooms.receive('general', [message(2)], ME);
    expect(rooms.get('general')).toMatchObject({ unread: 0, lineAfter: null });

    rooms.setVisible(false);
    rooms.receive('general', [message(3), message(4)], ME);
    expect(rooms.unread).toBe(2);
    rooms.setVisible(true);
    expect(rooms.get('general')).toMatchObject({ unread: 0, lineAfter: 2 });

    const reloaded = new Rooms(storage, 'k');
    expect(reloaded.get('general')!.lineAfter).toBe(2);
    reloaded.add('random');
    reloaded.activate('random');
    expect(reloaded.get('general')!.lineAfter).toBeNull();
  });

  it('starts counting after the first page, even an empty one, and never counts older pages', () => {
    const rooms = new Rooms(new MemoryStorage(), 'k');
    rooms.add('general');
    rooms.add('random');
    rooms.activate('random');
    rooms.receive('general', [message(10), message(11)], ME);
    expect(rooms.get('general')!.unread).toBe(0);
    rooms.receive('general', [message(8), message(9)], ME);
    expect(rooms.get('general')!.unread).toBe(0);
    rooms.receive('random', [], ME);
    rooms.setVisible(false);
    rooms.receive('random', [message(12)], ME);
    expect(rooms.get('random')!.unread).toBe(1);
  });
});
