import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.js';
import { COMPILED_RULES, findHits } from './rules.js';

const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../corpus/risk');

function corpusTexts(): string[] {
  const files = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.jsonl')) : [];
  return files.flatMap((f) =>
    readFileSync(path.join(corpusDir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .flatMap((l) => {
        try {
          const text = (JSON.parse(l) as { text?: unknown }).text;
          return typeof text === 'string' ? [text] : [];
        } catch {
          return [];
        }
      }),
  );
}

const signals = (text: string): string[] => findHits(normalise(text).text).map((h) => h.rule.signal);

describe('rules', () => {
  it('compiles every rule with at least one stem', () => {
    for (const rule of COMPILED_RULES) expect(rule.stems.length, rule.signal).toBeGreaterThan(0);
  });

  it('windowed scanning finds exactly what a full scan finds, on the whole corpus', () => {
    const texts = [...corpusTexts(), 'goodbye\nI am done.', 'bye. tonight', 'kms', 'what is the point'];
    for (const text of texts) {
      const norm = normalise(text).text;
      const key = (hits: ReturnType<typeof findHits>): string[] =>
        hits.map((h) => `${h.rule.signal}@${h.start}-${h.end}`).sort();
      expect(key(findHits(norm, true)), text).toEqual(key(findHits(norm, false)));
    }
  });

  it.each([
    ['I wish I could go to sleep and not wake up', 'wish_dead'],
    ['honestly i want to die', 'want_die'],
    ['I feel suicidal tonight', 'suicidal'],
    ['thinking about killing myself', 'kill_self'],
    ['gonna kms', 'suicide_slang'],
    ['I think about ending my life every day', 'active_ideation'],
    ["I've been looking up how many pills it would take", 'method'],
    ["I'm going to kill myself tonight", 'plan_explicit'],
    ['I wrote a goodbye letter to my mum', 'preparation'],
    ['I took all my pills', 'attempt'],
    ["it won't stop bleeding", 'attempt_underway'],
    ['I cut myself last night', 'self_harm_act'],
    ['the urge to cut is so loud', 'self_harm_urge'],
    ['two years clean from cutting', 'self_harm_recovery'],
    ["what's the point anymore.", 'hopelessness'],
    ['my dad hits me when he drinks', 'abuse'],
    ['he said he will kill me if I leave', 'abuse_danger'],
    ['I want to hurt him so badly', 'harm_to_others'],
    ["I'm worried about my sister, she talks about wanting to die", 'concern_for_other'],
  ])('%s → %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });
});
