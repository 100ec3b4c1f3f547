// A user's avatar: initials on a colour that stays the same for that user everywhere.

import type { User } from '../protocol';
import { el } from './dom';

/** "alice" -> "A", "bob.smith" -> "BS": the first letter, and the first after a separator. */
export function initials(name: string): string {
  const [first = '', second = ''] = name.split(/[._-]+/).filter(Boolean);
  return (first.charAt(0) + second.charAt(0)).toUpperCase() || '?';
}

/** Spreads ids around the colour wheel by the golden angle, so neighbours differ. */
export function hue(userId: number): number {
  return Math.round((userId * 137.508) % 360);
}

export function avatar(user: User): HTMLElement {
  const node = el('span', { class: 'avatar', text: initials(user.name), attrs: { 'aria-hidden': 'true' } });
  node.style.setProperty('--hue', String(hue(user.id)));
  return node;
}
