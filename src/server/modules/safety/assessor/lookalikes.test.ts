/**
 * Issue 12: false alarms from words that look like risk but are not, by
 * mechanism (context.ts, context-phrases.ts, the lookalike spans of rules.ts).
 * Each class has several lookalikes (at most low, GUIDE.md) and their risky
 * twins: the same words with real risk, which must stay at least high.
 */
import { describe, expect, it } from 'vitest';
import { levelRank, type RiskLevel } from '../../../../shared/risk.js';
import { assess } from './index.js';

interface Case {
  readonly name: string;
  readonly lookalikes: readonly string[];
  /** Twins: [text, the least level it must have]. */
  readonly twins: readonly (readonly [string, RiskLevel])[];
}

const CASES: readonly Case[] = [
  {
    name: '"die" with an object is "dye"',
    lookalikes: [
      'I want to die my hair pink for summer',
      'wanna die my hair black again',
      'thinking I want to die the curtains a darker blue',
      'my fringe is fading, I need to die it purple again',
      'going to die my roots this weekend before the wedding',
    ],
    twins: [
      ['I want to die this weekend', 'high'],
      ["I want to die tonight, I can't do this anymore", 'high'],
      ['I want to die the same way my dad did', 'high'],
      ['I just want to die alone where nobody finds me', 'high'],
      ['I want to die my family would be better off without me', 'high'],
    ],
  },
  {
    name: "others' question or belief answered by a denial",
    lookalikes: [
      "people keep asking if I'm suicidal. I'm not, I'm grieving my mum",
      "everyone thinks I want to die. I don't. I'm exhausted",
      "I never said I don't want to be alive, I said I'm tired of my job",
      "my mates reckon I want to kill myself after the breakup, no, I'm just sad",
      "my gran is convinced I'm suicidal because I dyed my hair black. I'm really not lol",
      "my therapist keeps asking if I want to die. I don't, I just hate my job",
      "everyone assumes I want to kill myself after the divorce. honestly I don't, I'm relieved",
      'ppl keep askin if im suicidal bc i posted a sad song. im not lol just vibing',
      "mum's worried I'm suicidal since dad left. I'm not, I'm angry",
    ],
    twins: [
      ["people ask if I'm suicidal and honestly I am", 'high'],
      ["everyone thinks I want to die and they're right", 'high'],
      ["my mum keeps asking if I'm suicidal. I am. I just can't tell her", 'high'],
      ['they think I want to die. I do. every single day', 'high'],
      ["everyone thinks I'm happy but I want to die, I'm not happy at all", 'high'],
      ["my GP asked if I'm suicidal and honestly I am", 'high'],
      ['my therapist asked if I want to die and I said no but I lied', 'high'],
    ],
  },
  {
    name: 'thanks for help in a crisis that is past',
    lookalikes: [
      "thank you all for being there when I was suicidal last year. I'm doing so much better now",
      "back when I wanted to die this forum kept me going. thank you all for everything, I'm in a good place now",
      "I used to be suicidal and you lot got me through it. thank you for being there, I'm safe and happy now",
      "when I was suicidal two years ago this community saved me. I'm in a much better place now",
      'used to be suicidal, this sub got me through. thank u all for everything, im doing loads better',
    ],
    twins: [
      ["thank you all for being there. I'm suicidal again and I can't keep going", 'high'],
      ['thank you all for everything. I want to die and tonight is the night', 'imminent'],
      ["I was doing so much better last year but I'm suicidal again now. thank you all for being there", 'high'],
      ["when I was suicidal two years ago I had a plan. it's back and worse", 'high'],
    ],
  },
  {
    name: 'letters that are not farewells',
    lookalikes: [
      'my therapist asked me to write a letter to my younger self, finished it tonight',
      'wrote a letter to my future self, to open in ten years',
      'writing a letter to my late dad for the grief group, finished it last night',
      'finished the cover letter for the nursery job tonight, wish me luck',
      'spent all evening writing a letter of complaint to the landlord, this is the last one before I go to the ombudsman',
    ],
    twins: [
      ["wrote letters to everyone I love, they'll find them tomorrow", 'imminent'],
      ["I've written the letters to my mum and my brother. I'm ready", 'imminent'],
      ["wrote a letter to my kids so they understand why I did it. tonight's the night", 'imminent'],
      ["writing a letter to my future self that will never be opened because I won't be here", 'high'],
    ],
  },
  {
    name: 'places in leisure or ordinary context',
    lookalikes: [
      'on the bridge now taking sunset photos',
      'sitting at the edge of the cliff with a flask of tea, best hike ever',
      'standing on the bridge watching the rowing race, what a view',
      'up on the roof of the car park with my camera, the fireworks are starting',
      'sitting on the edge of the pier eating chips with the kids',
    ],
    twins: [
      ['on the bridge now. nobody will miss me', 'high'],
      ["sitting at the edge of the cliff, this is the last thing I'll see", 'imminent'],
      ["sitting on the edge of the pier. I'm going to jump", 'imminent'],
      ["on the bridge watching the river, it's beautiful, it would be so easy", 'high'],
      ['standing on the bridge, going to jump when it gets dark', 'imminent'],
    ],
  },
  {
    name: 'medication that was prescribed',
    lookalikes: [
      "I've got the pills now, my GP finally prescribed them",
      'finally have the pills, the doctor prescribed them for my migraines',
      'picked up the pills from the pharmacy, doctor put me on sertraline',
    ],
    twins: [
      ["I've got the pills now and I'm taking all of them tonight", 'imminent'],
      ["got the pills now. been saving them for weeks, tonight's the night", 'imminent'],
      ['the gp finally prescribed them. now I have enough pills to end it', 'high'],
    ],
  },
  {
    name: 'ending a relationship',
    lookalikes: [
      'going to end it all with him on saturday, done being his second choice',
      "I'm going to end things with her tonight, she's been lying for months",
      'ready to end it with my boyfriend, he has been cheating on me',
    ],
    twins: [
      ['going to end it all on saturday, nobody will even notice', 'imminent'],
      ["ready to end it all tonight, I can't keep doing this", 'high'],
      ['going to end it with him tonight and then end my life too', 'high'],
      ["I'm going to end it all with him gone there's nothing left", 'high'],
    ],
  },
  {
    name: 'leaving for another place',
    lookalikes: [
      "by friday I won't be here anymore, moving to leeds!",
      "won't be around after this week, moving back to glasgow for uni",
      'not gonna be around after friday, off to uni in manchester!!',
    ],
    twins: [
      ["by friday I won't be here anymore. I've been saving my pills", 'imminent'],
      ["I won't be around after tonight. I'm sorry for everything", 'imminent'],
      ["not gonna be around after friday. i've said my goodbyes", 'high'],
      ['goodbye everyone, moving to a better place', 'high'],
    ],
  },
];

describe('lookalikes (issue 12)', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      for (const text of c.lookalikes)
        it(`lookalike ≤ low: ${text}`, () => {
          const a = assess(text);
          expect(levelRank(a.level), `${a.level} ${JSON.stringify(a.evidence)}`).toBeLessThanOrEqual(levelRank('low'));
        });
      for (const [text, least] of c.twins)
        it(`twin ≥ ${least}: ${text}`, () => {
          const a = assess(text);
          expect(levelRank(a.level), `${a.level} ${JSON.stringify(a.evidence)}`).toBeGreaterThanOrEqual(
            levelRank(least),
          );
        });
    });
  }
});
