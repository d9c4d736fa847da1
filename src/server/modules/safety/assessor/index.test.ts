import { describe, expect, it } from 'vitest';
import { assessmentSchema, levelRank, type RiskLevel } from '../../../../shared/risk.js';
import { analyse } from './analyse.js';
import { MODEL_VERSION, assess, withHistory } from './index.js';

/** Level from the rules alone (no model, no history): what the rule layer decided. */
const ruleLevel = (text: string): RiskLevel =>
  (['none', 'low', 'elevated', 'high', 'imminent'] as const)[analyse(text).rank] ?? 'none';
const atMost = (level: RiskLevel, max: RiskLevel): boolean => levelRank(level) <= levelRank(max);

describe('assess: Columbia levels', () => {
  it('passive wish to be dead is elevated', () => {
    const a = assess('I wish I could go to sleep and not wake up');
    expect(a.level).toBe('elevated');
    expect(a.categories).toContain('suicidal_ideation');
  });

  it('active ideation is high', () => {
    const a = assess('I want to kill myself');
    expect(a.level).toBe('high');
    expect(a.categories).toEqual(['suicidal_ideation']);
  });

  it('a researched method is high with suicide_method', () => {
    const a = assess("I've been looking up how many pills it would take");
    expect(a.level).toBe('high');
    expect(a.categories).toContain('suicide_method');
  });

  it('intent with a time is imminent with suicide_plan', () => {
    const a = assess("I'm going to kill myself tonight");
    expect(a.level).toBe('imminent');
    expect(a.categories).toContain('suicide_plan');
  });

  it('means at hand with a time is imminent', () => {
    expect(assess('I have the pills in front of me and tonight is the night').level).toBe('imminent');
  });

  it('preparation (a goodbye note) is imminent', () => {
    const a = assess("I've written my suicide note and left it on the table");
    expect(a.level).toBe('imminent');
    expect(a.categories).toContain('preparation');
  });

  it('an attempt under way is imminent; one long past is low', () => {
    const now = assess('I took all my pills an hour ago');
    expect(now.level).toBe('imminent');
    expect(now.categories).toContain('attempt');
    expect(ruleLevel('I attempted at 16; I am 30 now and doing well')).toBe('low');
  });

  it('self-harm: recent act high, urge elevated, recovery low', () => {
    const act = assess('I cut again last night, deeper than before');
    expect(act.level).toBe('high');
    expect(act.categories).toEqual(['self_harm']);
    // An urge is elevated for the rules; the model may lift it one step, never drop it.
    expect(ruleLevel('I keep wanting to cut again')).toBe('elevated');
    const urge = assess('I keep wanting to cut again');
    expect(levelRank(urge.level)).toBeGreaterThanOrEqual(levelRank('elevated'));
    expect(urge.categories).toEqual(['self_harm']);
    expect(ruleLevel('two years clean from cutting today')).toBe('low');
  });

  it('hopelessness is elevated', () => {
    const a = assess("what's even the point anymore.");
    expect(a.level).toBe('elevated');
    expect(a.categories).toContain('hopelessness');
  });

  it('abuse: disclosed elevated, current danger high', () => {
    expect(ruleLevel('my stepdad hits me when he has been drinking')).toBe('elevated');
    const danger = assess("He said he'll kill me when he gets home. I'm hiding in the bathroom.");
    expect(danger.level).toBe('high');
    expect(danger.categories).toContain('abuse');
  });

  it('intent to hurt someone else is high harm_to_others', () => {
    const a = assess("I'm going to hurt him when he gets back, I know where he parks");
    expect(a.level).toBe('high');
    expect(a.categories).toContain('harm_to_others');
  });
});

describe('assess: traps', () => {
  it('negation', () => {
    expect(ruleLevel("I'm not suicidal, just tired of my landlord")).toBe('none');
    expect(ruleLevel("I don't want to die")).toBe('none');
    expect(ruleLevel('I would never hurt myself')).toBe('none');
    expect(atMost(assess("I'm not suicidal, just tired of my landlord").level, 'low')).toBe(true);
    // A negated intent does not erase the urge beside it.
    expect(assess('i want to hurt myself so bad right now but im not going to').level).toBe('elevated');
  });

  it('a negation stops at a new clause with its own subject, and a withdrawn denial is no denial', () => {
    expect(ruleLevel('i dont want help i just want to die')).toBe('high');
    expect(ruleLevel("i don't cut i just hit myself. every couple of days lately")).toBe('high');
    // A cue ("going to do it") waiting for the model to confirm it, no longer cancelled.
    expect(analyse("It didn't work last night so I'm going to do it properly tonight.").weakRank).toBe(4);
    // A verb of thinking or saying, or a word that introduces what is denied, carries the negation on.
    for (const text of [
      "I don't think I want to die, I'm just worn out",
      "no way i'd kill myself, i love my dog too much",
      "there's no chance i'll hurt myself, don't worry",
      'never would i kill myself',
      'not once have i wanted to die',
      "it's not like i want to die, i'm just stressed",
      'i never said i want to die',
      "i'm doing the 10k, not because i want to kill myself but for charity",
    ])
      expect(ruleLevel(text), text).toBe('none');
    // A promise refused about something else takes nothing back.
    expect(ruleLevel("i won't hurt myself, i can't promise i'll be cheerful at the party")).toBe('none');
    // "Not gonna lie" and "won't be around" are not denials.
    expect(ruleLevel('not gonna lie i want to die')).toBe('high');
    expect(ruleLevel("i'm not going to hurt myself tonight. tomorrow i can't promise")).not.toBe('none');
    expect(ruleLevel("i'm not going to hurt myself tonight. i promised my sister")).toBe('none');
  });

  it('a wish to be dead that is constant or growing is active ideation', () => {
    expect(ruleLevel('Every day since the assault I think about not being here anymore')).toBe('high');
    expect(ruleLevel("i don't want to be here anymore. it's been months and it's getting more real")).toBe('high');
    expect(ruleLevel('I wish I could go to sleep and not wake up')).toBe('elevated');
    expect(ruleLevel('I wished I was dead every day back in 2019, I am well now')).toBe('low');
    // The review's traps: another topic, a recovery, a new sentence that is not about the wish.
    expect(ruleLevel("i wish i was dead for weeks after the breakup, but i'm fine now")).toBe('elevated');
    expect(ruleLevel('i wish i could disappear. anyway i go to the gym every day now')).toBe('elevated');
    expect(ruleLevel("i wish i'd never been born. my headaches are getting worse")).toBe('elevated');
  });

  it('a phrase that names the writer is about the writer, whoever the subject', () => {
    expect(analyse("I don't need them where I'm going").weak.map((j) => j.hit.rule.signal)).toContain('crisis_cue');
    expect(analyse("you won't see me on here after tonight").weakRank).toBe(4);
    // Someone else's reported words stay theirs.
    expect(ruleLevel("my brother said i'm going to do it tonight and i'm scared for him")).not.toBe('imminent');
  });

  it('past and recovery', () => {
    expect(ruleLevel('I used to cut, two years clean now')).toBe('low');
    expect(ruleLevel('I tried to kill myself years ago, I am in a good place now')).toBe('low');
    expect(assess('I used to cut, two years clean now').categories).toEqual(['self_harm']);
  });

  it('hypotheticals and general questions are low at most', () => {
    expect(atMost(ruleLevel('is it normal to think about death after a loss?'), 'low')).toBe(true);
    expect(atMost(ruleLevel('what if someone wants to kill themselves, how do you help?'), 'low')).toBe(true);
  });

  it('a general question the writer says is about themselves is theirs', () => {
    expect(ruleLevel("is it normal to want to kill yourself every day for a month? because that's where I am")).toBe(
      'high',
    );
    expect(analyse('is carbon monoxide painless? asking for me').weakRank).toBe(3);
    expect(atMost(ruleLevel('is it normal to want to kill yourself after a breakup? my friend asked me'), 'low')).toBe(
      true,
    );
  });

  it('quotes, lyrics and fiction', () => {
    expect(ruleLevel('in my novel the main character decides to kill herself tonight')).toBe('none');
    expect(ruleLevel('that song lyric "I want to die" has been stuck in my head')).toBe('none');
  });

  it('helper talk', () => {
    expect(ruleLevel("If you're thinking about suicide, please call 988")).toBe('none');
    expect(atMost(assess("If you're thinking about suicide, please call 988").level, 'low')).toBe(true);
  });

  it('third person is concern_for_other, capped at elevated for the writer', () => {
    const a = assess("my friend says she'll jump tonight");
    expect(a.level).toBe('elevated');
    expect(a.categories).toEqual(['concern_for_other']);
    const b = assess('my sister talks about wanting to die and I dont know what to do');
    expect(b.categories).toContain('concern_for_other');
    expect(b.level).toBe('elevated');
  });

  it('figurative speech', () => {
    for (const text of [
      'this exam is killing me',
      'dying to see the new film',
      'dead tired after a 12 hour shift',
      'kms this homework lol',
      'I could kill my brother for eating my leftovers',
    ]) {
      expect(ruleLevel(text), text).toBe('none');
      expect(atMost(assess(text).level, 'low'), text).toBe(true);
    }
  });

  it("harm from someone else is the writer's danger, whoever the subject", () => {
    const a = analyse("my dad is drunk downstairs and he's shouting that he'll break my door down");
    expect(a.suppressed).not.toBe('other');
    expect(a.weakRank).toBe(3);
    // "He'll kill me if..." is no idiom while he is at the door.
    expect(ruleLevel("he is banging on the door right now screaming he'll kill me if I don't open it")).toBe('high');
    expect(ruleLevel("mum will kill me if I'm late again")).toBe('none');
    expect(ruleLevel("my mum will kill me if i'm late, she's screaming at me already lol")).toBe('none');
    expect(ruleLevel('she put her hands round my neck and hugged me')).toBe('none');
    expect(ruleLevel('my daughter put her hands around my neck when i picked her up')).toBe('none');
  });

  it('an overdose in other words, and its lookalikes', () => {
    expect(ruleLevel('Took my whole week of meds in one go about 20 mins ago')).toBe('imminent');
    expect(ruleLevel('took the lot of my vitamins in one go because I kept forgetting them')).toBe('none');
    // Feeling cold, a refill or a pharmacy do not make a whole supply harmless.
    expect(ruleLevel("i took the whole bottle of my antidepressants, it's so cold in here")).toBe('imminent');
    expect(ruleLevel('i took like all of my pills, my refill was yesterday')).toBe('imminent');
    expect(ruleLevel('just swallowed half my sandwich')).toBe('none');
    expect(ruleLevel('Took a handful of pills this morning: fish oil, magnesium, iron, vitamin C')).toBe('none');
  });

  it('schoolwork, weddings and moves are lookalikes of research and plans; an anniversary is past', () => {
    expect(ruleLevel('looking up how high the cliffs at Beachy Head are for my geography project')).toBe('none');
    expect(ruleLevel("I have a plan and a date: Mei said yes, we're getting married 14th June!!")).toBe('none');
    expect(atMost(ruleLevel('anniversary of my attempt today. 8 years. mostly grateful'), 'low')).toBe(true);
    expect(atMost(ruleLevel('Four years ago today I sat in my car in the garage with the engine running'), 'low')).toBe(
      true,
    );
    expect(ruleLevel('I sat in my car in the garage with the engine running today')).toBe('imminent');
    expect(
      ruleLevel("is there a way to find out how much insulin would be fatal? for a story. (it's not for a story)"),
    ).not.toBe('none');
  });

  it('a threat the writer insists is meant is not figurative', () => {
    expect(ruleLevel('If my coach touches another girl on the team I will hurt him. I am not joking')).toBe('high');
    expect(ruleLevel('if my team loses the match again I will hurt him lol')).toBe('none');
  });

  it('slang with a laugh is light, not a joke, unless the target is mundane', () => {
    expect(ruleLevel('unalive thoughts again lol. been looking at ways on my phone in bed')).toBe('low');
    expect(analyse('unalive thoughts again lol').suppressed).toBe('soft');
    expect(ruleLevel('kms this homework lol')).toBe('none');
    expect(ruleLevel("i'm serious, kms this homework")).toBe('none');
    expect(ruleLevel('the unaliving of the villain was the best scene')).toBe('none');
  });

  it('lookalikes', () => {
    for (const text of [
      "tonight I'm going to finally take a bath",
      "I've got all my pills sorted for the week",
      'goodbye everyone!! off to australia for a year',
    ]) {
      expect(ruleLevel(text), text).toBe('none');
      expect(atMost(assess(text).level, 'elevated'), text).toBe(true);
    }
  });

  it('a cover story is not a lookalike', () => {
    // The harmless reading, then the writer's own word that it is a pretext.
    expect(ruleLevel('gave my dog to my brother, told him I was going travelling. I am not going travelling')).toBe(
      'imminent',
    );
    expect(ruleLevel('cut my arm again and told everyone I fell off my bike')).toBe('high');
    // Without the pretext the lookalike reading stands.
    expect(ruleLevel("gave my cat to my neighbour and told her it was just for a week. it isn't.")).toBe('imminent');
    expect(ruleLevel('gave my dog to my brother while I go travelling for a month')).toBe('none');
    expect(ruleLevel("moving to leeds next week so i gave my cat to my mum. is it hard? it isn't.")).toBe('none');
    expect(ruleLevel('cut my arm when I fell off my bike')).toBe('none');
  });

  it('evasive spellings: slang, leetspeak, spacing, emoji', () => {
    expect(assess('honestly thinking about unaliving myself').level).toBe('high');
    expect(assess('i just wanna kms').level).toBe('high');
    expect(assess('been thinking about sewerslide a lot').level).toBe('high');
    expect(assess('su1c1dal again').level).toBe('high');
    expect(assess('k i l l  m y s e l f').level).toBe('high');
    expect(assess('💊💊💊 tonight').level).toBe('imminent');
  });

  it('a late turn takes the level of the last line', () => {
    const text =
      'Work was fine today, Kerry brought in lemon bars and we argued about pineapple on pizza. The bus was late again. ' +
      'Did my food shop and remembered the oat milk for once. Watched half an episode of the baking show. ' +
      "Anyway I've decided, I'm going to kill myself tonight after everyone's asleep.";
    expect(assess(text).level).toBe('imminent');
  });
});

describe('assess: output', () => {
  it('evidence spans point at the right substring of the ORIGINAL text', () => {
    const text = 'Ugh. Honestly I w@nt to K I L L  M Y S E L F 😔';
    const a = assess(text);
    expect(a.level).toBe('high');
    const spans = a.evidence.map((e) => text.slice(e.start, e.end));
    expect(spans.some((s) => s.includes('K I L L  M Y S E L F'))).toBe(true);
    for (const e of a.evidence) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(text.length);
    }
  });

  it('history raises a rising pattern one step, only with a text at least low', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const recentLevels = [
      { level: 'low' as const, at: new Date('2026-11-18T12:00:00Z') },
      { level: 'elevated' as const, at: new Date('2026-11-21T12:00:00Z') },
    ];
    const text = "what's even the point anymore.";
    expect(assess(text).level).toBe('elevated');
    const raised = assess(text, { recentLevels, now });
    expect(raised.level).toBe('high');
    expect(raised.evidence.map((e) => e.signal)).toContain('history:rising');
    expect(assess('lovely walk by the river with the dog', { recentLevels, now }).level).not.toBe('high');
  });

  it('the history layer applied to a reading without history gives what reading with it gives (the write path reads once)', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const rising = [
      { level: 'low' as const, at: new Date('2026-11-18T12:00:00Z') },
      { level: 'elevated' as const, at: new Date('2026-11-21T12:00:00Z') },
    ];
    const falling = [
      { level: 'high' as const, at: new Date('2026-11-18T12:00:00Z') },
      { level: 'low' as const, at: new Date('2026-11-21T12:00:00Z') },
    ];
    const texts = ["what's even the point anymore.", 'I want to kill myself', 'lovely walk by the river with the dog', 'i feel so tired of everything lately'];
    for (const recentLevels of [rising, falling]) {
      for (const text of texts) expect(withHistory(assess(text, { now }), { now, recentLevels })).toEqual(assess(text, { now, recentLevels }));
    }
    expect(withHistory(assess(texts[0]!, { now }), { now, recentLevels: rising }).level).toBe('high');
  });

  it('matches the shared schema and names the rules and weights versions', () => {
    const a = assess('I want to kill myself');
    expect(assessmentSchema.parse(a)).toEqual(a);
    expect(a.modelVersion).toBe(MODEL_VERSION);
    expect(a.modelVersion).toMatch(/^rules-\d+\+lr-/);
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(1);
  });

  it('handles empty and huge inputs', () => {
    expect(assess('').level).toBe('none');
    const huge = 'I had a normal day at work. '.repeat(2000) + 'I want to kill myself.';
    expect(assess(huge).level).toBe('high');
  });
});
