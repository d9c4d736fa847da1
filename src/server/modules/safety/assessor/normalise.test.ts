import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalise, toOriginalSpan } from './normalise.js';

const norm = (t: string): string => normalise(t).text;

describe('normalise', () => {
  it('lower-cases and keeps sentence punctuation', () => {
    expect(norm('I Want OUT. Now!')).toBe('i want out. now!');
  });

  it('undoes leetspeak inside words only', () => {
    expect(norm('su1c1de')).toBe('suicide');
    expect(norm('k1ll mys3lf')).toBe('kill myself');
    expect(norm('$uicidal')).toBe('suicidal');
    expect(norm('un@live')).toBe('unalive');
    // Numbers and quantities stay numbers.
    expect(norm('took 20 pills at 3am, 10mg each')).toBe('took 20 pills at 3am, 10mg each');
    expect(norm('@sam hi')).toBe('@sam hi');
  });

  it('joins letters written apart, keeping double spaces as word breaks', () => {
    expect(norm('k i l l  m y s e l f')).toBe('kill myself');
    expect(norm('d.i.e')).toBe('die');
    expect(norm('s u i c i d e tonight')).toBe('suicide tonight');
  });

  it('splits letters written apart with single spaces into words when a dictionary split covers them', () => {
    expect(norm('i w a n t t o d i e')).toBe('i want to die');
    expect(norm('k i l l m y s e l f')).toBe('kill myself');
    expect(norm('i w a n t  to  d i e so bad')).toBe('i want to die so bad');
    // No split covers "abcd": the letters stay one word, as written.
    expect(norm('a b c d')).toBe('abcd');
  });

  it('grows its buffers when emoji read as words outgrow the text', () => {
    const text = '✂'.repeat(600) + ' then the end';
    const n = normalise(text);
    expect(n.text.match(/scissors/g)?.length).toBe(600);
    expect(n.text.endsWith('then the end')).toBe(true);
    // The last word still points into the original.
    const at = n.text.lastIndexOf('end');
    expect(text.slice(n.originStart[at], n.originEnd[at + 2])).toBe('end');
  });

  it('strips zero-width characters and combining marks', () => {
    expect(norm('su\u200bic\u200dide')).toBe('suicide');
    expect(norm('s\u0336u\u0336i\u0336c\u0336i\u0336d\u0336e\u0336')).toBe('suicide');
  });

  it('squeezes stretched words', () => {
    expect(norm('i want to diiiiie')).toBe('i want to die');
    expect(norm('killllll')).toBe('kill');
    expect(norm('sooooo tired')).toBe('so tired');
  });

  it('fills in censored risk words', () => {
    expect(norm('s*icide')).toBe('suicide');
    expect(norm('k*ll myself')).toBe('kill myself');
    expect(norm('a*b')).toBe('a*b');
  });

  it('reads risk emoji as words', () => {
    expect(norm('💊💊 tonight').trim()).toBe('pills  pills  tonight'.replace(/\s+/g, ' '));
    expect(norm('🪦')).toContain('grave');
    expect(norm('🌉')).toContain('bridge');
  });

  it('maps every normalised span back to the original text', () => {
    const original = 'Honestly I want to K 1 L L  M Y S E L F 💊 now';
    const n = normalise(original);
    const at = n.text.indexOf('kill myself');
    expect(at).toBeGreaterThan(0);
    const span = toOriginalSpan(n, at, at + 'kill myself'.length);
    expect(original.slice(span.start, span.end)).toBe('K 1 L L  M Y S E L F');
    const pill = n.text.indexOf('pills');
    const pillSpan = toOriginalSpan(n, pill, pill + 5);
    expect(original.slice(pillSpan.start, pillSpan.end)).toBe('💊');
  });

  it('gives a stretched letter the span of its whole run', () => {
    const original = 'I want to diiiie';
    const n = normalise(original);
    const at = n.text.indexOf('die');
    const span = toOriginalSpan(n, at, at + 3);
    expect(original.slice(span.start, span.end)).toBe('diiiie');
  });

  it('skips passes only when they would change nothing (checked on the corpus)', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../corpus/risk');
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')) : [];
    const texts = files.flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => String((JSON.parse(l) as { text?: unknown }).text ?? '')),
    );
    texts.push('k i l l  m y s e l f', 'soooo\n\ntired', 'su1c1de', 'plain text here');
    for (const text of texts) {
      const fast = normalise(text);
      const full = normalise(text, true);
      expect(fast.text, text).toBe(full.text);
      expect(Array.from(fast.originStart)).toEqual(Array.from(full.originStart));
      expect(Array.from(fast.originEnd)).toEqual(Array.from(full.originEnd));
    }
  });
});
