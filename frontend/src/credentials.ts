// The login, kept in localStorage: every tab of this browser shares it, it survives a browser
// restart until the token expires, and it never appears in a URL. A login or a logout in one tab
// reaches the others through the `storage` event.

import type { Credentials } from './api';

const KEY = 'chat.credentials';

export function loadCredentials(now = Date.now()): Credentials | null {
  return parse(localStorage.getItem(KEY), now);
}

export function saveCredentials(credentials: Credentials): void {
  localStorage.setItem(KEY, JSON.stringify(credentials));
}

export function clearCredentials(): void {
  localStorage.removeItem(KEY);
}

/** Calls `changed` when another tab logs in (credentials) or out (null). */
export function onCredentialsChange(changed: (credentials: Credentials | null) => void): void {
  window.addEventListener('storage', (event) => {
    if (event.storageArea === localStorage && (event.key === KEY || event.key === null)) {
      changed(parse(event.newValue, Date.now()));
    }
  });
}

/** Stored credentials whose token has not expired yet, else null. */
export function parse(stored: string | null, now: number): Credentials | null {
  try {
    const value = JSON.parse(stored ?? 'null') as Credentials | null;
    if (!value || typeof value.token !== 'string' || !value.user) return null;
    const expires = tokenExpiry(value.token);
    return expires === null || expires > now ? value : null;
  } catch {
    return null;
  }
}

/** The `exp` of a JWT in milliseconds, or null when it has none we can read (the server decides). */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const { exp } = JSON.parse(json) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}
