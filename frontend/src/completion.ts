// Completing @names in the composer: what is being typed after an @, and who it may be.

export interface MentionQuery {
  /** Where the @ stands in the text. */
  start: number;
  /** What follows the @ up to the caret. */
  prefix: string;
}

/** The @name being typed right before the caret, or null when the caret is not in one. */
export function mentionQuery(text: string, caret: number): MentionQuery | null {
  const match = /(?:^|[\s(])@([A-Za-z0-9_.-]{0,32})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, prefix: match[1]! };
}

/** The names that start with `prefix` (case aside), sorted, at most `limit`. */
export function candidates(names: readonly string[], prefix: string, limit = 6): string[] {
  const wanted = prefix.toLowerCase();
  const unique = [...new Set(names)].filter((name) => name.toLowerCase().startsWith(wanted));
  return unique.sort((a, b) => a.localeCompare(b)).slice(0, limit);
}

/** The text with the query replaced by `@name` (and a space unless one or a punctuation mark follows), and where the caret goes. */
export function complete(text: string, caret: number, query: MentionQuery, name: string): [string, number] {
  const after = text.slice(caret);
  const inserted = /^[\s,.;:!?)]/.test(after) ? `@${name}` : `@${name} `;
  return [text.slice(0, query.start) + inserted + after, query.start + inserted.length];
}
