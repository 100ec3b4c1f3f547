// The message pane: the active room's messages with day separators, older pages loaded when
// scrolling to the top, and the messages still waiting in the outbox at the bottom.

import type { OutgoingMessage } from '../outbox';
import type { Message, User } from '../protocol';
import type { Room } from '../rooms';
import { splitLinks } from '../text';
import { clockTime, dayKey, dayLabel } from '../time';
import { byId, el } from './dom';

// Consecutive messages by one author within this span share one header.
const GROUP_MS = 5 * 60_000;
// How close to an edge counts as "at" it, in pixels.
const EDGE_PX = 80;

export interface MessageActions {
  loadOlder(): void;
  retry(clientMsgId: string): void;
}

export class MessagePane {
  readonly #scroller = byId('scroller');
  readonly #list = byId<HTMLOListElement>('messages');
  readonly #outbox = byId<HTMLOListElement>('outbox');
  readonly #loadOlder = byId<HTMLButtonElement>('load-older');
  readonly #empty = byId('empty-room');
  #room: string | null = null;
  #me: User | null = null;
  #hasOlder = false;
  #rendered: readonly Message[] = [];

  constructor(private readonly actions: MessageActions) {
    this.#loadOlder.addEventListener('click', () => actions.loadOlder());
    this.#scroller.addEventListener('scroll', () => {
      if (this.#hasOlder && this.#scroller.scrollTop < EDGE_PX) actions.loadOlder();
    });
  }

  render(me: User, room: Room | null, outbox: readonly OutgoingMessage[], online: boolean): void {
    const scroller = this.#scroller;
    const switched = room?.name !== this.#room || me !== this.#me;
    this.#me = me;
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < EDGE_PX;
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;

    const messages = room?.messages ?? [];
    const from = switched ? null : this.#appendFrom(messages);
    if (from === null) this.#list.replaceChildren();
    for (let i = from ?? 0; i < messages.length; i++) {
      this.#list.append(...this.#nodes(messages[i], messages[i - 1]));
    }
    this.#rendered = messages;
    this.#room = room?.name ?? null;
    this.#hasOlder = room?.hasOlder ?? false;

    this.#outbox.replaceChildren(...outbox.map((entry) => this.#pending(me, entry, online)));
    this.#loadOlder.hidden = !room?.hasOlder;
    this.#loadOlder.disabled = room?.loadingOlder ?? false;
    this.#loadOlder.textContent = room?.loadingOlder ? 'Loading older messages…' : 'Load older messages';
    this.#empty.hidden = messages.length > 0 || outbox.length > 0;
    this.#empty.textContent = room
      ? room.joined
        ? 'No messages yet. Say hello!'
        : 'Joining…'
      : 'Join a room to start chatting.';
    this.#list.setAttribute('aria-label', room ? `Messages in ${room.name}` : 'Messages');

    // Follow new messages when the reader was at the bottom; keep the view still when older ones
    // were put above it.
    if (switched || atBottom) scroller.scrollTop = scroller.scrollHeight;
    else if (from === null) scroller.scrollTop = scroller.scrollHeight - fromBottom;
  }

  /** Where the messages not on screen yet begin, or null when the change is not an append. */
  #appendFrom(messages: readonly Message[]): number | null {
    const shown = this.#rendered;
    const last = shown.at(-1);
    if (!last) return messages.length === 0 ? 0 : null;
    const sameStart = messages[0]?.id === shown[0]?.id;
    const sameEnd = messages[shown.length - 1]?.id === last.id;
    return sameStart && sameEnd ? shown.length : null;
  }

  /** A message's list items: a day separator when a new day starts, then the message. */
  #nodes(message: Message, previous: Message | undefined): HTMLLIElement[] {
    const time = new Date(message.time);
    const before = previous ? new Date(previous.time) : null;
    const newDay = !before || dayKey(before) !== dayKey(time);
    const grouped =
      !newDay && previous?.userId === message.userId && time.getTime() - (before?.getTime() ?? 0) < GROUP_MS;
    const own = message.userId === this.#me?.id;
    const item = el(
      'li',
      { class: `message${own ? ' own' : ''}${grouped ? ' grouped' : ''}`, attrs: { 'data-id': String(message.id) } },
      el(
        'div',
        { class: 'meta' },
        el('span', { class: 'author', text: own ? `${message.user} (you)` : message.user }),
        el('time', { text: clockTime(time), attrs: { datetime: message.time, title: time.toLocaleString() } }),
      ),
      messageText(message.text),
    );
    if (!newDay) return [item];
    const separator = el(
      'li',
      { class: 'day-separator', attrs: { role: 'separator' } },
      el('span', { text: dayLabel(time) }),
    );
    return [separator, item];
  }

  #pending(me: User, entry: OutgoingMessage, online: boolean): HTMLLIElement {
    const item = el('li', { class: `message own ${entry.status}`, attrs: { 'data-client-msg-id': entry.clientMsgId } });
    const status = el('span', { class: 'status' });
    if (entry.status === 'failed') {
      status.textContent = `Not sent: ${entry.error ?? 'refused'}`;
      const retry = el('button', { class: 'link-button', text: 'Retry', attrs: { type: 'button' } });
      retry.addEventListener('click', () => this.actions.retry(entry.clientMsgId));
      status.append(' ', retry);
    } else {
      status.textContent = online ? 'Sending…' : 'Waiting for the connection…';
    }
    item.append(el('div', { class: 'meta' }, el('span', { class: 'author', text: `${me.name} (you)` }), status));
    item.append(messageText(entry.text));
    return item;
  }
}

/** The text with http(s) links made clickable, built from text nodes and <a> elements only. */
function messageText(text: string): HTMLElement {
  const body = el('div', { class: 'text' });
  for (const segment of splitLinks(text)) {
    if (segment.href === undefined) body.append(segment.text);
    else {
      body.append(
        el('a', { text: segment.text, attrs: { href: segment.href, rel: 'noopener noreferrer', target: '_blank' } }),
      );
    }
  }
  return body;
}
