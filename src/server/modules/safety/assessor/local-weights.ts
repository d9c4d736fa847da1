/**
 * A community's own weights (`hearth risk train --outcomes`), kept in
 * DATA_DIR/assessor-weights.json. Read once when the app starts: valid weights
 * replace the shipped ones and say so in every assessment's model version
 * (`…+local.<date>.<hash>`); a missing file means the shipped weights; a file
 * that cannot be read, is not valid weights, or grew from other shipped weights
 * (trained before an upgrade: the rules and corpus it learned with have
 * changed since) is reported and ignored, because the assessor must never stop
 * the server and must not quietly run on stale weights.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAssessor, shippedAssessor, type Assessor } from './index.js';
import shippedWeights from './weights.json' with { type: 'json' };

export const LOCAL_WEIGHTS_FILE = 'assessor-weights.json';

export function localWeightsPath(dataDir: string): string {
  return join(dataDir, LOCAL_WEIGHTS_FILE);
}

interface WarnLog {
  warn(object: Record<string, unknown>, message: string): void;
}

/** The assessor for this DATA_DIR: its own weights when present and valid, else the shipped ones. */
export function loadAssessorFor(dataDir: string, log: WarnLog): Assessor {
  const file = localWeightsPath(dataDir);
  if (!existsSync(file)) return shippedAssessor;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? String(parsed.version) : '';
    if (!version.startsWith(`${shippedWeights.version}+local.`)) {
      log.warn(
        { file, version: version.slice(0, 120), shipped: shippedWeights.version },
        'The assessor weights in DATA_DIR were trained from other shipped weights (before an upgrade?): using the shipped weights. Retrain with `hearth risk train`.',
      );
      return shippedAssessor;
    }
    return createAssessor(parsed);
  } catch (error) {
    // The error names what is wrong with the file (a zod path or a JSON position), never content.
    log.warn(
      { file, reason: error instanceof Error ? error.message.slice(0, 300) : 'unreadable' },
      'The assessor weights in DATA_DIR are not valid: using the shipped weights. Retrain with `hearth risk train` or remove the file.',
    );
    return shippedAssessor;
  }
}
