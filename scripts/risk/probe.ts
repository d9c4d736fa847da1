/** Probe: npx tsx scripts/risk/probe.ts < lines — prints each text's level, rules and model view. */
import { readFileSync } from 'node:fs';
import { analyse, modelTokens } from '../../src/server/modules/safety/assessor/analyse.js';
import { assess } from '../../src/server/modules/safety/assessor/index.js';
import { LinearModel, probAtLeast, pickUrgent, tailOf } from '../../src/server/modules/safety/assessor/model.js';
import weights from '../../src/server/modules/safety/assessor/weights.json' with { type: 'json' };

const model = new LinearModel(weights);
for (const line of readFileSync(0, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const [want = '?', text = line] = line.includes('\t') ? line.split('\t') : ['?', line];
  const r = analyse(text ?? '');
  const tokens = model.tokenLogits(modelTokens(r));
  const tail = tailOf(r.norm.text);
  const probs = pickUrgent(model.predict(r.norm.text, tokens), tail === null ? null : model.predict(tail, tokens));
  const a = assess(text ?? '');
  const hits = r.judged.map((j) => `${j.hit.rule.signal}:${j.level}${j.modifiers.length ? '[' + j.modifiers.join(',') + ']' : ''}${j.hit.rule.needsContext ? '*' : ''}`).join(' ');
  const ok = want === '?' ? '' : a.level === want || (want.endsWith('+') && ['none','low','elevated','high','imminent'].indexOf(a.level) >= ['none','low','elevated','high','imminent'].indexOf(want.slice(0,-1))) || (want.endsWith('-') && ['none','low','elevated','high','imminent'].indexOf(a.level) <= ['none','low','elevated','high','imminent'].indexOf(want.slice(0,-1))) ? 'ok ' : 'XX ';
  console.log(`${ok}${want.padEnd(9)} → ${a.level.padEnd(8)} r=${r.rank}/w${r.weakRank} s=${r.suppressed ?? '-'} p≥e=${probAtLeast(probs, 2).toFixed(2)} p≥h=${probAtLeast(probs, 3).toFixed(2)} p=i=${probAtLeast(probs, 4).toFixed(2)} | ${text}\n      ${hits}`);
}
