// The connection banner: connecting / online / reconnecting in N s / offline.

import type { ConnectionState } from '../connection';
import { byId, el } from './dom';

export class BannerView {
  readonly #banner = byId('banner');
  #countdown: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly retryNow: () => void) {}

  show(state: ConnectionState): void {
    clearInterval(this.#countdown);
    this.#banner.hidden = false;
    this.#banner.dataset.state = state.kind;
    switch (state.kind) {
      case 'connecting':
        this.#banner.replaceChildren(dot(), el('span', { text: 'Connecting…' }));
        break;
      case 'online':
        this.#banner.replaceChildren(dot(), el('span', { text: 'Online' }));
        break;
      case 'offline':
        this.#banner.replaceChildren(
          dot(),
          el('span', { text: 'Offline. Messages you write wait until you are back.' }),
        );
        break;
      case 'reconnecting':
        this.#reconnecting(state.at);
        break;
    }
  }

  hide(): void {
    clearInterval(this.#countdown);
    this.#banner.hidden = true;
  }

  /** The seconds tick in a part hidden from screen readers, so they hear the state once. */
  #reconnecting(at: number): void {
    const seconds = el('span', { attrs: { 'aria-hidden': 'true' } });
    const retry = el('button', { class: 'link-button', text: 'Retry now', attrs: { type: 'button' } });
    retry.addEventListener('click', this.retryNow);
    const tick = () => (seconds.textContent = ` in ${Math.max(1, Math.ceil((at - Date.now()) / 1000))} s`);
    tick();
    this.#countdown = setInterval(tick, 1000);
    this.#banner.replaceChildren(dot(), el('span', { text: 'Reconnecting' }, seconds), retry);
  }
}

function dot(): HTMLElement {
  return el('span', { class: 'dot', attrs: { 'aria-hidden': 'true' } });
}
