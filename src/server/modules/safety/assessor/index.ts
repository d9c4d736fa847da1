/**
 * Hearth's risk assessor (DESIGN.md "The safety pipeline"): rules with
 * context (analyse.ts), a linear model (model.ts, weights.json) and the
 * author's recent history (history.ts) give one assessment per text:
 * level, categories, evidence spans into the original text, score, version.
 * Synchronous and allocation-light: the write path waits for it.
 */
import type { Assessment, Evidence, RiskCategory } from '../../../../shared/risk.js';
import { levelAt } from '../../../../shared/risk.js';
import { analyse, categoriesOf, modelTokens } from './analyse.js';
import { combineRanks, wordCount } from './combine.js';
import { applyHistory, type AssessmentContext } from './history.js';
import { LinearModel, pickUrgent, probAtLeast, tailOf } from './model.js';
import { toOriginalSpan } from './normalise.js';
import { RULES_VERSION } from './rules.js';
import weights from './weights.json' with { type: 'json' };

export type { AssessmentContext, RecentLevel } from './history.js';

/** One assessor: the rules with one set of model weights. */
export interface Assessor {
  /** Stored with every assessment so that a decision can be traced to its rules and weights. */
  readonly modelVersion: string;
  assess(text: string, context?: AssessmentContext): Assessment;
}

/** An assessor over `weightsFile` (throws when the file is not valid weights). */
export function createAssessor(weightsFile: unknown): Assessor {
  const model = new LinearModel(weightsFile);
  const modelVersion = `${RULES_VERSION}+${model.version}`;
  return { modelVersion, assess: (text, context) => assessWith(model, modelVersion, text, context) };
}

const shipped = createAssessor(weights);
/** The shipped weights' version (eval.ts reports it). */
export const MODEL_VERSION = shipped.modelVersion;
export const shippedAssessor: Assessor = shipped;

/**
 * The assessor the write path uses: the shipped one unless the app found valid
 * weights in DATA_DIR at start (local-weights.ts). One per process: a Hearth
 * node is one app, and tests that build several apps build them in turn.
 */
let active: Assessor = shipped;

export function setActiveAssessor(assessor: Assessor): void {
  active = assessor;
}

export function activeAssessor(): Assessor {
  return active;
}

export function assess(text: string, context?: AssessmentContext): Assessment {
  return active.assess(text, context);
}

/**
 * The history layer alone, on an assessment made without history: exactly what
 * `assess(text, context)` returns, without reading the text a second time (the
 * write path learns the author's history only after the first reading).
 */
export function withHistory(assessment: Assessment, context: AssessmentContext): Assessment {
  const history = applyHistory(assessment.level, context);
  if (!history.raised) return assessment;
  return { ...assessment, level: history.level, evidence: [...assessment.evidence, { start: 0, end: 0, signal: 'history:rising' }] };
}

function assessWith(model: LinearModel, modelVersion: string, text: string, context?: AssessmentContext): Assessment {
  const rules = analyse(text);
  const tokens = model.tokenLogits(modelTokens(rules));
  const tail = tailOf(rules.norm.text);
  const probs = pickUrgent(model.predict(rules.norm.text, tokens), tail === null ? null : model.predict(tail, tokens));
  const combined = combineRanks(
    rules.rank,
    rules.weakRank,
    rules.suppressed,
    probs,
    model.combine,
    wordCount(rules.norm.text),
  );
  const hits = combined.weakConfirmed
    ? [...rules.counting, ...rules.weak].sort((a, b) => a.hit.start - b.hit.start)
    : rules.counting;

  const evidence: Evidence[] = [];
  for (const j of hits) {
    const span = toOriginalSpan(rules.norm, j.hit.start, j.hit.end);
    const signal = j.modifiers.length > 0 ? `${j.hit.rule.signal}:${j.modifiers.join('+')}` : j.hit.rule.signal;
    const prev = evidence[evidence.length - 1];
    if (prev !== undefined && prev.signal === signal && span.start <= prev.end) prev.end = Math.max(prev.end, span.end);
    else evidence.push({ start: span.start, end: span.end, signal });
  }
  // The model reads the whole text; its evidence is the whole text.
  if (combined.lifted)
    evidence.push({ start: 0, end: text.length, signal: `model:p_high=${probAtLeast(probs, 3).toFixed(2)}` });

  const history = applyHistory(levelAt(combined.rank), context);
  if (history.raised) evidence.push({ start: 0, end: 0, signal: 'history:rising' });

  const categories: RiskCategory[] = categoriesOf(hits);
  return {
    level: history.level,
    categories,
    evidence,
    score: Math.round(probAtLeast(probs, 3) * 1e4) / 1e4,
    modelVersion,
  };
}
