/**
 * Issue 12, part 1: plain statements an outside reader finds obvious, each
 * class in several wordings beside its lookalikes. Where the issue says the
 * model must not overrule a rule (a plan with a time, means with intent), the
 * test reads the rule layer alone (analyse), so no weights can undo it.
 */
import { describe, expect, it } from 'vitest';
import { levelRank, type RiskLevel } from '../../../../shared/risk.js';
import { analyse } from './analyse.js';
import { assess } from './index.js';

const rulesAlone = (text: string): number => analyse(text).rank;
const IMMINENT = 4;
const HIGH = 3;

function expectAtLeast(texts: readonly string[], level: RiskLevel): void {
  for (const text of texts) expect({ text, level: assess(text).level }).toMatchObject({ text, level: expect.toBeOneOf(levelsFrom(level)) });
}
function expectAtMost(texts: readonly string[], level: RiskLevel): void {
  for (const text of texts) expect({ text, level: assess(text).level }).toMatchObject({ text, level: expect.toBeOneOf(levelsUpTo(level)) });
}
const ALL: readonly RiskLevel[] = ['none', 'low', 'elevated', 'high', 'imminent'];
const levelsFrom = (l: RiskLevel): RiskLevel[] => ALL.filter((x) => levelRank(x) >= levelRank(l));
const levelsUpTo = (l: RiskLevel): RiskLevel[] => ALL.filter((x) => levelRank(x) <= levelRank(l));

describe('a plan in a euphemism with a time', () => {
  const plans = [
    'planning to finish things this week, I have made my mind up',
    "after the kids are in bed tonight I'm ending it",
    "I've decided. sunday morning I'm done with all of it, for good",
    'gonna end it all tmrw night fr',
    "i'm going to check out for good on saturday",
  ];
  it('is imminent from the rules alone, whatever the model says', () => {
    for (const text of plans) expect({ text, rank: rulesAlone(text) }).toEqual({ text, rank: IMMINENT });
  });
  it('its lookalikes with ordinary objects and places stay calm', () => {
    expectAtMost(
      [
        'planning to finish things this week at work so I can finally take leave',
        'ending my gym membership on friday, it is all too expensive',
        "tonight's the night I finally finish the whole series",
      ],
      'low',
    );
  });
});

describe('ideation with a deadline or with means in hand', () => {
  it('is imminent from the rules alone (C-SSRS 4-5)', () => {
    for (const text of [
      'i have the blade and i want to die tonight',
      'I want to kill myself this weekend',
      "I've got the pills now. I want to kill myself",
      'i bought a rope today and i want to die',
    ])
      expect({ text, rank: rulesAlone(text) }).toEqual({ text, rank: IMMINENT });
  });
  it('"right now" or "today" is how a bad hour feels, not a plan: high, not imminent, from the rules', () => {
    for (const text of ['I just want to die right now', 'honestly I want to die today'])
      expect({ text, rank: rulesAlone(text) }).toEqual({ text, rank: HIGH });
  });
  it('a day named in another clause is not the wish\'s deadline', () => {
    for (const text of ['I want to die, but this weekend my sister visits and that helps'])
      expect({ text, rank: rulesAlone(text) }).toEqual({ text, rank: HIGH });
  });
});

describe('suicide as the only option or the way out', () => {
  it('is high', () => {
    for (const text of [
      'suicide feels like the only option left',
      'honestly death is the only way out I can see',
      'I keep coming back to the same thing, ending it is the only option I have',
      'the only way out i have left is to kill myself',
      'no way out except to die',
    ])
      expect({ text, rank: rulesAlone(text) }).toEqual({ text, rank: HIGH });
  });
  it('other only options are not', () => {
    expectAtMost(
      [
        'quitting was the only option I had left',
        'the only way out of this contract is to pay the fee',
        'therapy was my only way out and it worked',
      ],
      'low',
    );
  });
});

describe('"I don\'t want to be alive any more" in casual spelling', () => {
  it('is high (active ideation, not a passive wish)', () => {
    for (const text of [
      'i dont wanna be alive anymore',
      'i just dont wanna be alive',
      'honestly i don\'t want to live anymore',
      'i dnt want 2 b alive',
      'idk i just dont wanna exist or be alive anymore',
    ])
      expect({ text, rank: rulesAlone(text) }).toEqual({ text, rank: HIGH });
  });
  it('wanting to be alive, or having wanted not to, is not', () => {
    expectAtMost(
      ['for the first time in years i actually want to be alive', "i used to not want to be alive, now i'm glad i stayed"],
      'low',
    );
  });
});

describe('at a dangerous place, waiting or working up to it', () => {
  it('is imminent from the rules alone: two weak signs confirm each other', () => {
    for (const text of [
      "I'm on the bridge now. just waiting till there's nobody around",
      "on the roof of my building. can't make myself step off yet",
      'top floor of the multi-storey car park. just need to be brave enough',
      'parked up near the cliffs. waiting for it to get dark',
    ])
      expect({ text, rank: rulesAlone(text) }).toEqual({ text, rank: IMMINENT });
  });
  it('courage for something else at the same place is not', () => {
    expectAtMost(['working up the courage to ask her out, at the bridge waiting for her'], 'elevated');
  });
});

describe('things given away with a deadline; an attempt told in fragments', () => {
  it('giving away with "gone by" is imminent from the rules alone', () => {
    for (const text of [
      "found a new home for my dog today. everything else goes this week. I'll be gone by friday",
      "I've given away most of my things. by the weekend it will all be over",
    ])
      expect({ text, rank: rulesAlone(text) }).toEqual({ text, rank: IMMINENT });
  });
  it('"did it" with how it feels now is imminent', () => {
    expectAtLeast(['did it. feel weird. sorry everyone'], 'imminent');
  });
  it('a move, a sale or a rehoming with a date is not', () => {
    expectAtMost(
      ['giving away my books this week before the move', 'rehomed the dog, the new flat does not allow pets. gutted'],
      'low',
    );
  });
});

describe('a relapse into something else is not self-harm', () => {
  it('names what was relapsed on', () => {
    expectAtMost(['relapsed on elden ring, played 11 hours straight', 'relapsed on vaping again, my wallet hates me'], 'low');
    expectAtLeast(['relapsed on saturday, first time in 3 months'], 'high');
  });
});
