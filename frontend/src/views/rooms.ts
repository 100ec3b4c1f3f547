// The room list: join by name, the rooms joined (with unread counts) and the others on the server.
// On a phone it is a drawer opened from the top bar.

import type { RoomSummary } from '../api';
import type { Room } from '../rooms';
import { normalizeRoom } from '../text';
import { byId, el, fieldError } from './dom';

export class RoomListView {
  readonly #sidebar = byId('sidebar');
  readonly #toggle = byId<HTMLButtonElement>('rooms-toggle');
  readonly #joinInput = byId<HTMLInputElement>('join-input');
  readonly #joinError = byId('join-error');
  readonly #joined = byId<HTMLUListElement>('joined-rooms');
  readonly #others = byId<HTMLUListElement>('other-rooms');
  readonly #othersTitle = byId('other-rooms-title');

  constructor(private readonly open: (room: string) => void) {
    byId<HTMLFormElement>('join-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const room = normalizeRoom(this.#joinInput.value);
      fieldError(this.#joinInput, this.#joinError, room ? null : 'Use lowercase letters, digits, - and _ (up to 64).');
      if (!room) return;
      this.#joinInput.value = '';
      this.#choose(room);
    });
    // An error speaks of what was typed: it goes when that is changed.
    this.#joinInput.addEventListener('input', () => this.#clearError());
    this.#toggle.addEventListener('click', () => this.#setDrawer(!this.#sidebar.classList.contains('open')));
    // A tap beside the open drawer closes it (on a phone the drawer covers the toggle).
    document.addEventListener('click', (event) => {
      const target = event.target as Node;
      if (!this.#sidebar.contains(target) && !this.#toggle.contains(target)) this.#setDrawer(false);
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#sidebar.classList.contains('open')) {
        this.#setDrawer(false);
        this.#toggle.focus();
      }
    });
  }

  render(rooms: readonly Room[], active: string | null, others: readonly RoomSummary[]): void {
    // Rebuilding the lists would drop keyboard focus: put it back on the same room.
    const focused = (document.activeElement as HTMLElement | null)?.dataset.room;
    const joinedNames = new Set(rooms.map((room) => room.name));
    this.#joined.replaceChildren(
      ...rooms.map((room) => this.#item(room.name, room.name === active, unreadBadge(room.unread))),
    );
    if (rooms.length === 0) this.#joined.append(el('li', { class: 'empty', text: 'No rooms yet.' }));
    const rest = others.filter((room) => !joinedNames.has(room.name));
    this.#others.replaceChildren(
      ...rest.map((room) =>
        this.#item(room.name, false, el('span', { class: 'online-count', text: `${room.online} online` })),
      ),
    );
    this.#othersTitle.hidden = rest.length === 0;
    if (focused) this.#sidebar.querySelector<HTMLElement>(`[data-room="${CSS.escape(focused)}"]`)?.focus();
  }

  #item(name: string, current: boolean, extra: HTMLElement | null): HTMLLIElement {
    const button = el('button', { class: 'room', attrs: { type: 'button', 'data-room': name } });
    button.append(el('span', { class: 'room-name', text: `# ${name}` }));
    if (extra) button.append(extra);
    if (current) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => this.#choose(name));
    return el('li', {}, button);
  }

  #choose(room: string): void {
    this.#clearError();
    this.#setDrawer(false);
    this.open(room);
  }

  #clearError(): void {
    fieldError(this.#joinInput, this.#joinError, null);
  }

  /** The open drawer is modal: what it covers cannot be reached with Tab until it closes. */
  #setDrawer(open: boolean): void {
    this.#sidebar.classList.toggle('open', open);
    this.#toggle.setAttribute('aria-expanded', String(open));
    for (const region of this.#sidebar.parentElement?.children ?? []) {
      if (region !== this.#sidebar) (region as HTMLElement).inert = open;
    }
    if (open) this.#joinInput.focus();
  }
}

function unreadBadge(unread: number): HTMLElement | null {
  if (unread === 0) return null;
  return el('span', {
    class: 'badge',
    text: unread > 99 ? '99+' : String(unread),
    attrs: { 'aria-label': `${unread} unread` },
  });
}
