import { describe, expect, it } from 'vitest';
import { cleanMessage, codePoints, isSendable, mentions, normalizeRoom, splitLinks, splitText } from '../../src/text';

describe('message text rules', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePoints('😀😀')).toBe(2);
    expect(isSendable('😀'.repeat(2000))).toBe(true);
    expect(isSendable('😀'.repeat(2001))).toBe(false);
  });

  it('needs something besides white space', () => {
    expect(isSendable(' \n\t ')).toBe(false);
    expect(isSendable('  hi  ')).toBe(true);
  });

  it('sends \\n for new lines and drops the control characters the server refuses', () => {
    expect(cleanMessage('a\r\nb\rc\u0007d\te')).toBe('a\nb\nc' + 'd\te');
  });
});

describe('normalizeRoom', () => {
  it('accepts what the server accepts, lowercased and without a leading #', () => {
    expect(normalizeRoom(' #General ')).toBe('general');
    expect(normalizeRoom('dev_ops-2')).toBe('dev_ops-2');
    expect(normalizeRoom('-bad')).toBeNull();
    expect(normalizeRoom('has space')).toBeNull();
    expect(normalizeRoom('a'.repeat(65))).toBeNull();
  });
});

describe('splitLinks', () => {
  it('finds http and https links and leaves sentence punctuation outside', () => {
    expect(splitLinks('see https://example.com/a?b=1, or http://x.org.')).toEqual([
      { text: 'see ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: ', or ' },
      { text: 'http://x.org', href: 'http://x.org/' },
      { text: '.' },
    ]);
  });

  it('never links other schemes', () => {
    expect(splitLinks('javascript:alert(1) data:text/html,<b>x</b>')).toEqual([
      { text: 'javascript:alert(1) data:text/html,<b>x</b>' },
    ]);
  });

  it('keeps markup as plain text', () => {
    expect(splitLinks('<img src=x onerror="window.__xss=1">')).toEqual([
      { text: '<img src=x onerror="window.__xss=1">' },
    ]);
  });
});

describe('mentions', () => {
  it('finds @names, not addresses, and leaves trailing punctuation out', () => {
    expect(splitText('hi @bob.smith, see a@b.example and @al')).toEqual([
      { text: 'hi ' },
      { text: '@bob.smith', mention: 'bob.smith' },
      { text: ', see a@b.example and @al' },
    ]);
    expect(mentions('thanks @Alice.', 'alice')).toBe(true);
    expect(mentions('mail alice@example.com', 'alice')).toBe(false);
  });

  it('leaves links whole', () => {
    expect(splitText('@bob https://example.com/@carol')).toEqual([
      { text: '@bob', mention: 'bob' },
      { text: ' ' },
      { text: 'https://example.com/@carol', href: 'https://example.com/@carol' },
    ]);
  });
});
