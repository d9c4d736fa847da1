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
    ['i keep looking at the pills in the kitchen', 'means'],
    ["tonight's the night", 'plan'],
    ["I've made a plan", 'plan_declared'],
    ['ive got a plan', 'plan_declared'],
    ['it has been a week since my attempt', 'attempt_mention'],
    ['this is my last post', 'crisis_cue'],
    ['thank you all for everything', 'cue_farewell'],
    ["I've cancelled my therapy, I won't need it", 'cue_prep'],
    ['made up my mind', 'cue_resolve'],
    ['bought the rope today', 'cue_means'],
    ['the car is in the garage with the engine running', 'attempt_now'],
    ['me: fine. also me at 3am: googling lethal doses', 'method_research'],
    ["I've worked out how I'd do it", 'cue_how'],
    ['the thought of jumping out the window is always with me', 'ideation_constant'],
    ['the razor is next to the tub', 'attempt_means_at_hand'],
    ['standing on the railing', 'attempt_means_at_hand'],
    ['bought more pills', 'attempt_means_at_hand'],
    ['just feel like unaliving', 'suicide_slang'],
    ['want to be actually dead', 'want_die'],
    ['want to su1c1de so bad', 'want_die'],
    ['self harmed monday and wednesday', 'self_harm_log'],
    ['already swallowed half', 'attempt_plain'],
    ['took my whole week of meds in one go', 'attempt_plain'],
    ['I keep picturing the how', 'cue_how'],
    ['on friday night i cut for the first time in over a year', 'self_harm_act'],
    ['he put his hands round my neck last night', 'abuse_danger'],
    ["1 hour left and then i'm gone", 'cue_countdown'],
    ['before my mum finds me', 'cue_affairs'],
    ['it was nothing anyone did', 'cue_affairs'],
    ["i'm going to gas myself in my car tonight", 'method'],
    ['going to drown myself in my bath', 'method'],
    ['the thought of jumping is with me from the minute i wake up', 'ideation_constant'],
    ["i've said my goodbyes", 'cue_goodbye'],
    ["he's still in the house and i'm locked in the bathroom", 'abuse_danger_now'],
    ['relapse. cut thursday and saturday', 'self_harm_log'],
    ['did it again', 'cue_self_harm'],
    ['took like the whole pack of my antidepressants', 'attempt_plain'],
    ["I'm sat on the edge of the pier", 'attempt_plain'],
    ['took the whole strip an hour ago', 'attempt_means_at_hand'],
    ['bought enough paracetamol today', 'attempt_means_at_hand'],
    ["i'm on the balcony. 14th floor", 'cue_place'],
    ["10pm. that's when.", 'cue_countdown'],
    ["the note's on the fridge", 'cue_affairs'],
  ])('%s → %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  // The traps of the rules added in rules-3: each must stay silent.
  it.each([
    ["I'm going to drown myself in work this week", 'method'],
    ['bungee jump off the bridge done!', 'method'],
    ['18 months clean from self harm today', 'self_harm_act'],
    ['googling the quickest route to the station', 'method_research'],
    ['took the whole box of chocolates to work', 'attempt_means_at_hand'],
    ["that's when I realised I'd left my keys", 'cue_countdown'],
    ['the thought of jumping out of a plane is with me since the skydive advert', 'ideation_constant'],
    ['the thought of jumping back into dating is always terrifying', 'ideation_constant'],
    ["i'm giving up for good on dating apps", 'ideation_constant'],
    ['i think about it but not the doing kind, just the wish kind', 'ideation_constant'],
    ['working out how I will do it, the presentation is tomorrow', 'method_research'],
  ])('%s ↛ %s', (text, signal) => {
    expect(signals(text)).not.toContain(signal);
  });

  it('keeps context-needing cues waiting when nothing else in the text confirms them', async () => {
    const { analyse } = await import('./analyse.js');
    for (const text of [
      'there was blood everywhere, i dropped a jar of passata',
      "sorry i couldn't stay longer at the party",
      "i'm not going to lie, clearing out my wardrobe and giving my clothes to charity felt amazing",
      'the note is on the fridge for the plumber',
      'tonight is the night, first date',
      'gave my bike to my nephew',
      'bought a rope for the climbing wall',
      "I've got a plan to fix my sleep",
    ])
      expect(analyse(text).rank, text).toBe(0);
    // Lookalikes and the past are read as such even by plain rules.
    expect(analyse('this is my last post before my holiday').rank).toBe(0);
    expect(analyse('it is the anniversary of my attempt, eight years on and grateful').rank).toBeLessThanOrEqual(1);
    expect(analyse('four years ago I sat in the garage with the engine running').rank).toBeLessThanOrEqual(1);
    // A plain hit read as a lookalike takes its category's cues with it; nothing is left to confirm.
    expect(analyse('so much blood, i cut myself shaving').weak).toEqual([]);
    expect(analyse('so much blood, i cut myself again').rank).toBe(3);
  });

  it('never repeats a group without an upper bound (a repeated group followed by more pattern backtracks without end)', () => {
    // "🪦💊🔪🌉" × 2,000 held one rule's `(?:pills|grave…){2,}` for 5.5 s; bounded to {2,6} it takes milliseconds.
    for (const rule of COMPILED_RULES) expect(rule.pattern, rule.signal).not.toMatch(/\)(?:\{\d+,\}|\+|\*)/);
  });

  it('judges a bounded number of hits per rule, so a flood of one phrase cannot stall the write path', async () => {
    const { analyse } = await import('./analyse.js');
    const flood = analyse('kms '.repeat(5000) + 'and tonight i am going to kill myself');
    const perRule = new Map<string, number>();
    for (const j of flood.judged) perRule.set(j.hit.rule.signal, (perRule.get(j.hit.rule.signal) ?? 0) + 1);
    expect(Math.max(...perRule.values())).toBeLessThanOrEqual(32);
    // The last words are still read: the plan at the end counts.
    expect(flood.rank).toBe(4);
  });

  it('joins context-needing hits to a plain hit of the same category', async () => {
    const { analyse } = await import('./analyse.js');
    // "he's outside" alone waits for context; beside a disclosure of abuse it counts (GUIDE: abuse with danger now is high).
    expect(analyse("he's outside my flat again").rank).toBe(0);
    expect(analyse("my husband hits me. he's outside my flat again and i'm hiding in the bathroom").rank).toBe(3);
  });
});
