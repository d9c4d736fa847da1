/** At most this many members are told of one piece of writing: a list of handles is not a broadcast. */
export const MAX_MENTIONS = 10;

/**
 * The handles `@mentioned` in a text (handles: a letter, then letters, digits
 * or underscores), lower-cased, each once, in order. An address such as
 * `ana@example.org` is not a mention: the `@` must start a word.
 */
export function mentionedHandles(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![\w@])@([A-Za-z][A-Za-z0-9_]{0,63})\b/g)) {
    found.add(match[1]!.toLowerCase());
    if (found.size >= MAX_MENTIONS) break;
  }
  return [...found];
}
