// Text rules shared by the composer, the forms and the message view (PROTOCOL.md sections 1 and 4).

export const MAX_MESSAGE_CODE_POINTS = 2000;

/** Lengths in the protocol count Unicode code points, not UTF-16 units. */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// The server refuses these control characters (tab and line feed are allowed).
const REFUSED_CONTROLS = /[\u0000-\u0008\u000B-\u001F]/g;

/** The text to send for what the user typed: carriage returns and other refused controls removed. */
export function cleanMessage(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(REFUSED_CONTROLS, '');
}

/** Code points counted the way the server counts them: after stripping white space. */
export function messageLength(text: string): number {
  return codePoints(text.trim());
}

export function isSendable(text: string): boolean {
  const length = messageLength(text);
  return length >= 1 && length <= MAX_MESSAGE_CODE_POINTS;
}

const ROOM_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** "#General " -> "general"; null when the result is not a valid room name. */
export function normalizeRoom(input: string): string | null {
  const room = input.trim().replace(/^#/, '').toLowerCase();
  return ROOM_NAME.test(room) ? room : null;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

export function usernameProblem(name: string): string | null {
  return USERNAME.test(name) ? null : '3 to 32 letters, digits, dots, dashes or underscores.';
}

export function passwordProblem(password: string): string | null {
  const length = codePoints(password);
  return length >= 8 && length <= 128 ? null : 'Use 8 to 128 characters.';
}

export interface Segment {
  text: string;
  href?: string;
  /** The name an `@name` mention names. */
  mention?: string;
}

const URL_CANDIDATE = /https?:\/\/[^\s<>"]+/gi;
// Punctuation that usually ends the sentence rather than the link.
const TRAILING = /[.,;:!?)\]}'»]+$/;

// A mention: @ and a user name, not inside a word or an e-mail address.
const MENTION = /(?<![\w@.])@([A-Za-z0-9_.-]{3,32})(?<![.-])/g;

/** Splits text into plain parts, http(s) links and @mentions; the view makes elements of them. */
export function splitText(text: string): Segment[] {
  return splitLinks(text).flatMap((segment) => (segment.href === undefined ? splitMentions(segment.text) : [segment]));
}

/** Whether `text` mentions `name` (names are compared without regard to case, as logins are). */
export function mentions(text: string, name: string): boolean {
  const wanted = name.toLowerCase();
  return splitText(text).some((segment) => segment.mention?.toLowerCase() === wanted);
}

function splitMentions(text: string): Segment[] {
  const segments: Segment[] = [];
  let plainStart = 0;
  for (const match of text.matchAll(MENTION)) {
    if (match.index > plainStart) segments.push({ text: text.slice(plainStart, match.index) });
    segments.push({ text: match[0], mention: match[1]! });
    plainStart = match.index + match[0].length;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart) });
  return segments;
}

/** Splits text into plain parts and http(s) links; the view turns links into <a> elements. */
export function splitLinks(text: string): Segment[] {
  const segments: Segment[] = [];
  let plainStart = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const candidate = match[0].replace(TRAILING, '');
    const href = httpUrl(candidate);
    if (!href) continue;
    const start = match.index;
    if (start > plainStart) segments.push({ text: text.slice(plainStart, start) });
    segments.push({ text: candidate, href });
    plainStart = start + candidate.length;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart) });
  return segments;
}

function httpUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
