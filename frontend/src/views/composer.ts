// The composer: Enter sends, Shift+Enter adds a line, a counter appears near the length limit, and
// after an @ the names of the room are offered (arrows choose, Tab or Enter completes, Escape closes).

import { type MentionQuery, candidates, complete, mentionQuery } from '../completion';
import { MAX_MESSAGE_CODE_POINTS, cleanMessage, isSendable, messageLength } from '../text';
import { byId, el } from './dom';

// The counter shows up when this few code points remain.
const COUNTER_FROM = 200;
const MAX_HEIGHT_PX = 160;

export interface ComposerActions {
  send(text: string): void;
  typing(): void;
  typingStop(): void;
}

export class ComposerView {
  readonly #form = byId<HTMLFormElement>('composer');
  readonly #input = byId<HTMLTextAreaElement>('message-input');
  readonly #counter = byId('counter');
  readonly #mentions = byId<HTMLUListElement>('mention-list');
  readonly #send = this.#form.querySelector<HTMLButtonElement>('button.send')!;
  /** Names that may be mentioned in the room on screen. */
  #names: readonly string[] = [];
  #offered: string[] = [];
  #chosen = 0;
  #query: MentionQuery | null = null;

  constructor(private readonly actions: ComposerActions) {
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
    this.#input.addEventListener('keydown', (event) => this.#key(event));
    this.#input.addEventListener('input', () => {
      this.#refresh();
      this.#offer();
      if (this.#input.value.trim()) actions.typing();
      else actions.typingStop();
    });
    this.#input.addEventListener('click', () => this.#offer());
    this.#input.addEventListener('blur', () => {
      this.#close();
      actions.typingStop();
    });
    // A name picked with the mouse: keep the focus in the field.
    this.#mentions.addEventListener('mousedown', (event) => event.preventDefault());
  }

  /** Enables the composer for `room` (null: no room to write to); `names` may be mentioned there. */
  render(room: string | null, names: readonly string[]): void {
    this.#names = names;
    this.#input.disabled = room === null;
    this.#input.placeholder = room ? `Message #${room}` : 'Join a room to write';
    this.#input.labels?.[0]?.replaceChildren(room ? `Message #${room}` : 'Message');
    this.#refresh();
  }

  focus(): void {
    this.#input.focus();
  }

  #key(event: KeyboardEvent): void {
    // While an input method composes text, Enter confirms the composition instead.
    if (event.isComposing) return;
    const offering = this.#offered.length > 0;
    if (offering && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#choose((this.#chosen + step + this.#offered.length) % this.#offered.length);
    } else if (offering && (event.key === 'Tab' || event.key === 'Enter') && !event.shiftKey) {
      event.preventDefault();
      this.#complete(this.#offered[this.#chosen]!);
    } else if (offering && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#close();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      this.#submit();
    }
  }

  /** Offers the names that fit the @name before the caret, if any. */
  #offer(): void {
    const caret = this.#input.selectionStart;
    this.#query = caret === this.#input.selectionEnd ? mentionQuery(this.#input.value, caret) : null;
    this.#offered = this.#query ? candidates(this.#names, this.#query.prefix) : [];
    this.#mentions.replaceChildren(
      ...this.#offered.map((name, i) => {
        const option = el('li', { text: `@${name}`, attrs: { id: `mention-${i}`, role: 'option' } });
        option.addEventListener('click', () => this.#complete(name));
        return option;
      }),
    );
    this.#mentions.hidden = this.#offered.length === 0;
    this.#input.setAttribute('aria-expanded', String(this.#offered.length > 0));
    this.#choose(0);
  }

  #choose(index: number): void {
    this.#chosen = index;
    [...this.#mentions.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (this.#offered.length > 0) this.#input.setAttribute('aria-activedescendant', `mention-${index}`);
    else this.#input.removeAttribute('aria-activedescendant');
  }

  #complete(name: string): void {
    if (!this.#query) return;
    const [text, caret] = complete(this.#input.value, this.#input.selectionStart, this.#query, name);
    this.#input.value = text;
    this.#input.setSelectionRange(caret, caret);
    this.#close();
    this.#refresh();
  }

  #close(): void {
    this.#query = null;
    this.#offered = [];
    this.#mentions.replaceChildren();
    this.#mentions.hidden = true;
    this.#input.setAttribute('aria-expanded', 'false');
    this.#input.removeAttribute('aria-activedescendant');
  }

  #submit(): void {
    const text = cleanMessage(this.#input.value);
    if (this.#input.disabled || !isSendable(text)) return;
    this.actions.send(text);
    this.#input.value = '';
    this.#close();
    this.#refresh();
  }

  #refresh(): void {
    const left = MAX_MESSAGE_CODE_POINTS - messageLength(this.#input.value);
    this.#counter.hidden = left > COUNTER_FROM;
    this.#counter.classList.toggle('over', left < 0);
    this.#counter.textContent = left < 0 ? `${-left} over the limit of ${MAX_MESSAGE_CODE_POINTS}` : `${left} left`;
    this.#send.disabled = this.#input.disabled || !isSendable(cleanMessage(this.#input.value));
    // Grow with the text up to a few lines, then scroll inside.
    this.#input.style.height = 'auto';
    this.#input.style.height = `${Math.min(this.#input.scrollHeight, MAX_HEIGHT_PX)}px`;
  }
}
