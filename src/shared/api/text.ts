import { z } from 'zod';

/**
 * The building block of every free-text field and path parameter. A NUL
 * character cannot be stored in PostgreSQL text, and a lone UTF-16 surrogate
 * (half of an emoji pair) is not text at all: PostgreSQL's JSON refuses it and
 * UTF-8 cannot carry it. Both are refused here, as a 400 naming the field,
 * before they reach a query.
 */
export const UNSTORABLE_TEXT_MESSAGE =
  'contains a character that cannot be stored (a NUL character or half of an emoji); please remove it';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** `z.string()` for text a person typed or a URL carried; chain `.trim().min().max()` as usual. */
export const text = () => z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
