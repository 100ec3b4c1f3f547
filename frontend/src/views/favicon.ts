// The tab's icon with the number of unread messages on it, so a tab in the background shows them.

import { byId } from './dom';

const SIZE = 32;

export class Favicon {
  readonly #link = byId<HTMLLinkElement>('favicon');
  readonly #plain = this.#link.href;
  #shown = 0;

  show(unread: number): void {
    if (unread === this.#shown) return;
    this.#shown = unread;
    this.#link.href = unread === 0 ? this.#plain : badge(unread > 99 ? '99+' : String(unread));
    this.#link.dataset.unread = String(unread);
  }
}

/** The app's square with a red disc and the count on it, as a PNG data URL. */
function badge(label: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIZE;
  const context = canvas.getContext('2d');
  if (!context) return '';
  context.fillStyle = '#4f46e5';
  context.beginPath();
  context.roundRect(0, 0, SIZE, SIZE, 8);
  context.fill();
  context.fillStyle = '#c81e1e';
  context.beginPath();
  context.arc(SIZE / 2, SIZE / 2, SIZE / 2, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = '#ffffff';
  context.font = `bold ${label.length > 2 ? 13 : 18}px system-ui, sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(label, SIZE / 2, SIZE / 2 + 1);
  return canvas.toDataURL('image/png');
}
