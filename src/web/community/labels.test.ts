import { describe, expect, it } from 'vitest';
import { ruleLines } from './labels.js';

describe('ruleLines', () => {
  it('drops the numbers and blank lines of a group’s rules', () => {
    expect(ruleLines('1. Be kind.\n\n2) Keep what people share here, here.\n  3. No methods.  ')).toEqual([
      'Be kind.',
      'Keep what people share here, here.',
      'No methods.',
    ]);
  });
});
