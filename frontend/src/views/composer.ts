// The composer: Enter sends, Shift+Enter adds a line, a counter appears near the length limit.

import { MAX_MESSAGE_CODE_POINTS, cleanMessage, isSendable, messageLength } from '../text';
import { byId } from './dom';

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
  readonly #send = this.#form.querySelector<HTMLButtonElement>('button.send')!;

  constructor(private readonly actions: ComposerActions) {
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
    this.#input.addEventListener('keydown', (event) => {
      // While an input method composes text, Enter confirms the composition instead.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#submit();
      }
    });
    this.#input.addEventListener('input', () => {
      this.#refresh();
      if (this.#input.value.trim()) actions.typing();
      else actions.typingStop();
    });
    this.#input.addEventListener('blur', () => actions.typingStop());
  }

  /** Enables the composer for `room` (null: no room to write to). */
  render(room: string | null): void {
    this.#input.disabled = room === null;
    this.#input.placeholder = room ? `Message #${room}` : 'Join a room to write';
    this.#input.labels?.[0]?.replaceChildren(room ? `Message #${room}` : 'Message');
    this.#refresh();
  }

  focus(): void {
    this.#input.focus();
  }

  #submit(): void {
    const text = cleanMessage(this.#input.value);
    if (this.#input.disabled || !isSendable(text)) return;
    this.actions.send(text);
    this.#input.value = '';
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
