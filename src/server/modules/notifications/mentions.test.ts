import { describe, expect, it } from 'vitest';
import { MAX_MENTIONS, mentionedHandles } from './mentions.js';

describe('mention detection', () => {
  it('finds @handles at the start of a word, once each, lower-cased', () => {
    expect(mentionedHandles('@Ana thank you, and @bo_2 too. @ana again!')).toEqual(['ana', 'bo_2']);
  });

  it('ignores email addresses, a bare @ and handles that start with a digit', () => {
    expect(mentionedHandles('write to ana@example.org or @ or @2pac')).toEqual([]);
  });

  it('stops at the limit', () => {
    const many = Array.from({ length: MAX_MENTIONS + 5 }, (_, index) => `@m${index}`).join(' ');
    expect(mentionedHandles(many)).toHaveLength(MAX_MENTIONS);
  });
});
