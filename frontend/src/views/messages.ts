// The message pane: the active room's messages with day separators and a "new messages" line,
// older pages loaded when scrolling to the top, the messages still waiting in the outbox at the
// bottom, and a button back to the latest when the reader has scrolled up.

import type { OutgoingMessage } from '../outbox';
import type { Message, User } from '../protocol';
import type { Room } from '../rooms';
import { mentions, splitText } from '../text';
import { clockTime, dayKey, dayLabel } from '../time';
import { avatar } from './avatar';
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
  readonly #jump = byId<HTMLButtonElement>('jump-latest');
  #room: string | null = null;
  #me: User | null = null;
  #hasOlder = false;
  #rendered: readonly Message[] = [];
  #lineAfter: number | null = null;
  /** The next render scrolls to the bottom (the user just sent something). */
  #follow = false;
  /** The next render that shows the "new messages" line scrolls to it (a room was opened). */
  #toLine = false;
  /** Messages from others that arrived below the view while the reader was scrolled up. */
  #below = 0;

  constructor(private readonly actions: MessageActions) {
    this.#loadOlder.addEventListener('click', () => actions.loadOlder());
    this.#scroller.addEventListener('scroll', () => {
      if (this.#hasOlder && this.#scroller.scrollTop < EDGE_PX) actions.loadOlder();
      this.#toLine = false;
      this.#showJump();
    });
    this.#jump.addEventListener('click', () => {
      this.#scroller.scrollTop = this.#scroller.scrollHeight;
      this.#showJump();
    });
  }

  /** The next render brings the newest message into view, wherever the reader was. */
  showLatest(): void {
    this.#follow = true;
  }

  render(me: User, room: Room | null, outbox: readonly OutgoingMessage[], online: boolean): void {
    const scroller = this.#scroller;
    const switched = room?.name !== this.#room || me !== this.#me;
    this.#me = me;
    const atBottom = this.#atBottom();
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;

    const messages = room?.messages ?? [];
    const lineAfter = room?.lineAfter ?? null;
    const from = switched || lineAfter !== this.#lineAfter ? null : this.#appendFrom(messages);
    this.#lineAfter = lineAfter;
    if (from === null) this.#list.replaceChildren();
    for (let i = from ?? 0; i < messages.length; i++) {
      this.#list.append(...this.#nodes(messages[i]!, messages[i - 1]));
    }
    if (switched) {
      this.#below = 0;
      this.#toLine = lineAfter !== null;
    } else if (from !== null && !atBottom) {
      this.#below += messages.slice(from).filter((message) => message.userId !== me.id).length;
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

    // A room opened with unread messages shows where the reader left off; otherwise follow new
    // messages when the reader was at the bottom, and keep the view still when older ones were
    // put above it.
    const line = this.#list.querySelector('.new-line');
    if (this.#follow) {
      scroller.scrollTop = scroller.scrollHeight;
      this.#toLine = false;
    } else if (this.#toLine && line) {
      line.scrollIntoView({ block: 'center' });
      this.#toLine = false;
    } else if (switched || atBottom) scroller.scrollTop = scroller.scrollHeight;
    else if (from === null) scroller.scrollTop = scroller.scrollHeight - fromBottom;
    this.#follow = false;
    this.#showJump();
  }

  #atBottom(): boolean {
    const scroller = this.#scroller;
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < EDGE_PX;
  }

  /** The jump button shows while the reader is scrolled up, with how many new messages wait below. */
  #showJump(): void {
    const atBottom = this.#atBottom();
    if (atBottom) this.#below = 0;
    this.#jump.hidden = atBottom;
    const count = this.#below;
    this.#jump.textContent =
      count === 0 ? 'Jump to latest' : `${count} new ${count === 1 ? 'message' : 'messages'}, jump to latest`;
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

  /** A message's list items: a day separator when a new day starts, the line, then the message. */
  #nodes(message: Message, previous: Message | undefined): HTMLLIElement[] {
    const time = new Date(message.time);
    const before = previous ? new Date(previous.time) : null;
    const newDay = !before || dayKey(before) !== dayKey(time);
    const lineAfter = this.#lineAfter;
    const firstNew = lineAfter !== null && message.id > lineAfter && (!previous || previous.id <= lineAfter);
    const grouped =
      !newDay &&
      !firstNew &&
      previous?.userId === message.userId &&
      time.getTime() - (before?.getTime() ?? 0) < GROUP_MS;
    const own = message.userId === this.#me?.id;
    const mentioned = !own && this.#me !== null && mentions(message.text, this.#me.name);
    const classes = `message${own ? ' own' : ''}${grouped ? ' grouped' : ''}${mentioned ? ' mentioned' : ''}`;
    const item = el(
      'li',
      { class: classes, attrs: { 'data-id': String(message.id) } },
      el(
        'div',
        { class: 'meta' },
        avatar({ id: message.userId, name: message.user }),
        el('span', { class: 'author', text: own ? `${message.user} (you)` : message.user }),
        el('time', { text: clockTime(time), attrs: { datetime: message.time, title: time.toLocaleString() } }),
      ),
      messageText(message.text, this.#me),
    );
    const nodes = [item];
    if (firstNew) nodes.unshift(separator('new-line', 'New messages'));
    if (newDay) nodes.unshift(separator('day-separator', dayLabel(time)));
    return nodes;
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
    item.append(
      el('div', { class: 'meta' }, avatar(me), el('span', { class: 'author', text: `${me.name} (you)` }), status),
    );
    item.append(messageText(entry.text, me));
    return item;
  }
}

function separator(className: string, label: string): HTMLLIElement {
  return el('li', { class: className, attrs: { role: 'separator' } }, el('span', { text: label }));
}

/**
 * The text with http(s) links made clickable and @mentions marked (the reader's own stronger),
 * built from text nodes and elements only. Its direction follows its first strong character.
 */
function messageText(text: string, me: User | null): HTMLElement {
  const body = el('div', { class: 'text', attrs: { dir: 'auto' } });
  for (const segment of splitText(text)) {
    if (segment.href !== undefined) {
      body.append(
        el('a', { text: segment.text, attrs: { href: segment.href, rel: 'noopener noreferrer', target: '_blank' } }),
      );
    } else if (segment.mention !== undefined) {
      const own = segment.mention.toLowerCase() === me?.name.toLowerCase();
      body.append(el('span', { class: own ? 'mention own' : 'mention', text: segment.text }));
    } else body.append(segment.text);
  }
  return body;
}
