/** Markers ts_headline puts around matches: control characters no member can type into a post. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** `a \u0002b\u0003 c` → parts, so the client highlights without rendering HTML from the server. */
export function toSnippet(headline: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const pattern = new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, 'g');
  let last = 0;
  for (const found of headline.matchAll(pattern)) {
    if (found.index > last) parts.push({ text: headline.slice(last, found.index), match: false });
    parts.push({ text: found[1] ?? '', match: true });
    last = found.index + found[0].length;
  }
  if (last < headline.length) parts.push({ text: headline.slice(last), match: false });
  return parts
    // Strip any stray marker characters: the snippet is plain text.
    .map((part) => ({ ...part, text: part.text.split(MATCH_START).join('').split(MATCH_END).join('') }))
    .filter((part) => part.text.length > 0);
}
