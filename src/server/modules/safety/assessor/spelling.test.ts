import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishWords, guardSource, guardWords, GUARD_PATH } from '../../../../../scripts/risk/spelling-guard.js';
import { assess } from './index.js';
import { normalise, toOriginalSpan } from './normalise.js';
import { correctSpelling, editDistance } from './spelling.js';

const fix = (t: string): string => correctSpelling(normalise(t), t).text;

describe('correctSpelling', () => {
  it('reads shorthand and common misspellings of risk words as the words', () => {
    expect(fix('i rly wnat to die')).toBe('i really want to die');
    expect(fix('cnt stop thnking bout endin it')).toBe('cant stop thinking about ending it');
    expect(fix('gunna do it tmrw')).toBe('gonna do it tomorrow');
  });

  it('restores long risk words from one slip of the keyboard', () => {
    expect(fix('i want to kill myslef')).toBe('i want to kill myself');
    expect(fix('thinking about suicdie')).toBe('thinking about suicide');
    expect(fix('i took an overdsoe')).toBe('i took an overdose');
    // "overdoes" is one slip from "overdose" too, but an English word: it stays.
    expect(fix('she overdoes it')).toBe('she overdoes it');
    expect(fix('everythign hurts')).toBe('everything hurts');
    expect(fix('i cant do this anymroe')).toBe('i cant do this anymore');
  });

  it('leaves English words, other words and unrelated text alone', () => {
    // One slip from a risk word, but words in their own right.
    for (const text of ['my hair is thinning', 'the steak was overdone', 'bending the rules', 'harming no one', 'charming'])
      expect(fix(text)).toBe(text);
    // Short words are only read through the shorthand list: "did", "dye", "bill" stay.
    expect(fix('i did dye my hair and paid the bill')).toBe('i did dye my hair and paid the bill');
    expect(fix('the kiln is hot')).toBe('the kiln is hot');
    // Not a word on its own: numbers and contractions around it.
    expect(fix("tmrw2 abt's")).toBe("tmrw2 abt's");
    expect(fix('пиццаabt')).toBe('пиццаabt');
  });

  it('leaves names alone: a capital after the start of a sentence', () => {
    expect(fix("I can't stop thinking about Hanqing, she's lovely")).toBe("i can't stop thinking about hanqing, she's lovely");
    expect(fix('Dr Kil wants to see me. Mrs Noone said Kipling is on the syllabus')).toBe(
      'dr kil wants to see me. mrs noone said kipling is on the syllabus',
    );
    // The same letters typed in lower case, or starting a sentence, are read as the risk words.
    expect(fix('kil myself. Myslef is all i think about')).toBe('kill myself. myself is all i think about');
  });

  it("reads dropped g's with an apostrophe ('cuttin'') and finds a slip a false hash hit sits beside", () => {
    expect(fix("been cuttin' again, thinkin' bout it")).toBe("been cutting' again, thinking' about it");
    expect(fix('anthing')).toBe('anything');
  });

  it('returns the same object when nothing needs restoring (no allocation on the write path)', () => {
    const n = normalise('a calm day at the allotment, tomatoes are in');
    expect(correctSpelling(n, 'a calm day at the allotment, tomatoes are in')).toBe(n);
  });

  it('keeps evidence pointing at what the member wrote', () => {
    const original = 'honestly I wnat to kill myslef tonite';
    const n = correctSpelling(normalise(original), original);
    const at = n.text.indexOf('myself');
    const span = toOriginalSpan(n, at, at + 'myself'.length);
    expect(original.slice(span.start, span.end)).toBe('myslef');
    const want = n.text.indexOf('want');
    const wantSpan = toOriginalSpan(n, want, want + 4);
    expect(original.slice(wantSpan.start, wantSpan.end)).toBe('wnat');
  });

  it('lets the assessor read a misspelt crisis as a crisis, with the rule pointing at the misspelt words', () => {
    const text = 'i wnat to die';
    const a = assess(text);
    expect(['high', 'imminent']).toContain(a.level);
    expect(a.categories).toContain('suicidal_ideation');
    const rule = a.evidence.find((e) => !e.signal.startsWith('model:'));
    expect(rule && text.slice(rule.start, rule.end)).toBe('wnat to die');
  });
});

describe('editDistance', () => {
  it('counts one insertion, deletion, change or swap as one, and caps at 2', () => {
    expect(editDistance('myself', 'myslef')).toBe(1);
    expect(editDistance('myself', 'myelf')).toBe(1);
    expect(editDistance('myself', 'mysself')).toBe(1);
    expect(editDistance('myself', 'mysalf')).toBe(1);
    expect(editDistance('myself', 'yourself')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('spelling guard', () => {
  it('is the list scripts/risk/spelling-guard.ts generates from word-list (regenerate it after changing the words)', () => {
    const { guard, conflicts } = guardWords(englishWords());
    expect(conflicts).toEqual([]);
    expect(readFileSync(GUARD_PATH, 'utf8')).toBe(guardSource(guard));
  });
});
