// Telling the user about a message that mentions them: a desktop notification while they are not
// looking at the page (permission is asked only when they choose to turn these on) and, if they
// want it, a short sound.

import type { Message } from './protocol';

const SOUND_KEY = 'chat.mentionSound';

export class MentionAlerts {
  constructor(private readonly open: (room: string) => void) {}

  /** null where the browser has no notifications (or not on plain http from another machine). */
  get permission(): NotificationPermission | null {
    return 'Notification' in window ? Notification.permission : null;
  }

  async enable(): Promise<NotificationPermission> {
    return Notification.requestPermission();
  }

  get sound(): boolean {
    return localStorage.getItem(SOUND_KEY) === 'on';
  }

  set sound(on: boolean) {
    if (on) localStorage.setItem(SOUND_KEY, 'on');
    else localStorage.removeItem(SOUND_KEY);
  }

  alert(message: Message): void {
    if (this.sound) chime();
    const looking = document.visibilityState === 'visible' && document.hasFocus();
    if (looking || this.permission !== 'granted') return;
    const notification = new Notification(`${message.user} mentioned you in #${message.room}`, {
      body: message.text,
      tag: `jchat-${message.room}`,
    });
    notification.onclick = () => {
      window.focus();
      this.open(message.room);
      notification.close();
    };
  }
}

/** Two soft tones, a quarter of a second. */
function chime(): void {
  const context = new AudioContext();
  const gain = context.createGain();
  gain.gain.setValueAtTime(0.08, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.25);
  gain.connect(context.destination);
  [880, 1320].forEach((frequency, i) => {
    const tone = context.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(context.currentTime + i * 0.08);
    tone.stop(context.currentTime + 0.25);
  });
  setTimeout(() => void context.close(), 500);
}
