// The settings for mentions: turning desktop notifications on (the browser asks only then) and
// the sound.

import type { MentionAlerts } from '../mention-alerts';
import { byId } from './dom';

export class AlertSettingsView {
  readonly #enable = byId<HTMLButtonElement>('notify-enable');
  readonly #state = byId('notify-state');
  readonly #sound = byId<HTMLInputElement>('sound-toggle');

  constructor(private readonly alerts: MentionAlerts) {
    this.#enable.addEventListener('click', () => {
      void alerts.enable().then(() => this.render());
    });
    this.#sound.addEventListener('change', () => (alerts.sound = this.#sound.checked));
    this.render();
  }

  render(): void {
    const permission = this.alerts.permission;
    this.#enable.hidden = permission !== 'default';
    this.#state.hidden = permission === 'default';
    this.#state.textContent =
      permission === 'granted'
        ? 'Desktop notifications are on.'
        : permission === 'denied'
          ? 'Desktop notifications are blocked in this browser’s site settings.'
          : 'This browser shows no desktop notifications here.';
    this.#sound.checked = this.alerts.sound;
  }
}
