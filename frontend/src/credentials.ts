// The login of this tab, kept in sessionStorage: it survives a reload, ends with the tab, and
// never appears in a URL.

import type { Credentials } from './api';

const KEY = 'chat.credentials';

export function loadCredentials(): Credentials | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Credentials | null;
    return value && typeof value.token === 'string' && value.user ? value : null;
  } catch {
    return null;
  }
}

export function saveCredentials(credentials: Credentials): void {
  sessionStorage.setItem(KEY, JSON.stringify(credentials));
}

export function clearCredentials(): void {
  sessionStorage.removeItem(KEY);
}
