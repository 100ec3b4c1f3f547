import { describe, expect, it } from 'vitest';
import { candidates, complete, mentionQuery } from '../../src/completion';

describe('@name completion', () => {
  it('finds the @name being typed before the caret, not an address or a finished word', () => {
    expect(mentionQuery('hi @bo', 6)).toEqual({ start: 3, prefix: 'bo' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, prefix: '' });
    expect(mentionQuery('mail me at a@bo', 15)).toBeNull();
    expect(mentionQuery('hi @bob and', 11)).toBeNull();
    expect(mentionQuery('hi @bo and', 6)).toEqual({ start: 3, prefix: 'bo' });
  });

  it('offers matching names without regard to case, sorted, a few at most', () => {
    expect(candidates(['bob', 'Bobby', 'alice', 'bob'], 'BO')).toEqual(['bob', 'Bobby']);
    expect(candidates(['c', 'b', 'a'], '', 2)).toEqual(['a', 'b']);
  });

  it('puts the name, and a space where none follows, in place of the query', () => {
    const text = 'hi @bo, later';
    const query = mentionQuery(text, 6)!;
    expect(complete(text, 6, query, 'bob')).toEqual(['hi @bob, later', 7]);
    expect(complete('@b', 2, mentionQuery('@b', 2)!, 'bob')).toEqual(['@bob ', 5]);
  });
});
