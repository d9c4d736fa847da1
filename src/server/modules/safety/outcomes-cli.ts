/**
 * The learning loop on the command line (run on the server, beside its data):
 *   hearth risk outcomes --admin <handle> [--out FILE]
 *     exports the safety team's outcomes as labelled JSON lines (admins only,
 *     audited as `risk.outcomes_exported` with the count, never the texts);
 *   hearth risk train --outcomes FILE
 *     retrains on the corpus plus those lines and writes the weights into
 *     DATA_DIR when they are not worse on the shipped held-out split.
 * Exit codes: 0 done, 1 refused or failed, 2 a usage error.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Config } from '../../config/index.js';
import type { MessageKeyring } from '../../crypto/message-keys.js';
import type { Database } from '../../db/index.js';
import { findUserByHandle } from '../accounts/queries.js';
import { recordAudit } from '../audit/record.js';
import { collectOutcomes } from './outcomes-export.js';
import { describeScore, parseOutcomes, retrainWithOutcomes, type RetrainOptions } from './outcomes-train.js';

export interface Io {
  /** The export itself, when no --out file is named. */
  write: (chunk: string) => void;
  out: (line: string) => void;
  err: (line: string) => void;
}

const terminal: Io = {
  write: (chunk) => process.stdout.write(chunk),
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export const OUTCOMES_USAGE = 'Usage: hearth risk outcomes --admin <handle> [--out FILE]';
export const TRAIN_USAGE = 'Usage: hearth risk train --outcomes FILE';

function parse(args: string[], options: Record<string, { type: 'string' }>): Record<string, string | undefined> | null {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch {
    return null;
  }
}

function osUserName(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

/** `hearth risk outcomes`: `db` is open and migrated. */
export async function exportOutcomesCommand(args: string[], db: Database, keys: MessageKeyring, io: Io = terminal): Promise<number> {
  const values = parse(args, { admin: { type: 'string' }, out: { type: 'string' } });
  if (!values || !values.admin) {
    io.err(`hearth risk outcomes: name the admin who is exporting.\n${OUTCOMES_USAGE}`);
    return 2;
  }
  const admin = await findUserByHandle(db, values.admin);
  if (!admin || admin.role !== 'admin') {
    // One message whether the handle is unknown or not an admin's.
    io.err(`hearth risk outcomes: "${values.admin}" is not an admin account. Only admins can export outcomes.`);
    return 2;
  }
  const lines = await collectOutcomes(db, keys);
  const body = lines.map((line) => JSON.stringify(line) + '\n').join('');
  // `--admin` names who takes responsibility; it is not a sign-in (whoever runs this already
  // holds the database). So the audit row also records the operating-system account that ran it.
  await recordAudit(db, {
    actorId: admin.id,
    action: 'risk.outcomes_exported',
    targetType: 'assessor',
    details: { count: lines.length, to: values.out ? 'file' : 'stdout', osUser: osUserName() },
  });
  if (values.out) {
    // A new file, private from its first byte, renamed over any old one: an existing file keeps its
    // mode when written to, and this one holds members' words.
    const temporary = `${values.out}.${process.pid}.tmp`;
    writeFileSync(temporary, body, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, values.out);
    io.err(`Exported ${lines.length} outcome${lines.length === 1 ? '' : 's'} to ${values.out}. They hold members' words: keep the file private and delete it after training.`);
  } else {
    io.write(body);
  }
  return 0;
}

/** `hearth risk train`: no database needed; the weights go to `config.dataDir`. */
export function trainCommand(
  args: string[],
  config: Pick<Config, 'dataDir'>,
  now: Date,
  io: Io = terminal,
  extra: Pick<RetrainOptions, 'corpus' | 'baseWeights'> = {},
): number {
  const values = parse(args, { outcomes: { type: 'string' } });
  if (!values || !values.outcomes) {
    io.err(`hearth risk train: name the outcomes file.\n${TRAIN_USAGE}`);
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(values.outcomes, 'utf8');
  } catch {
    io.err(`hearth risk train: cannot read ${values.outcomes}.`);
    return 2;
  }
  const { lines, invalid } = parseOutcomes(source);
  for (const problem of invalid.slice(0, 20)) io.err(`skipped ${problem}`);
  if (invalid.length > 20) io.err(`… and ${invalid.length - 20} more invalid lines`);
  io.out(`${lines.length} outcome lines read (${invalid.length} invalid). Training: this takes a few minutes.`);
  const result = retrainWithOutcomes({ outcomes: lines, dataDir: config.dataDir, now, log: io.out, ...extra });
  io.out(`weights in use: ${describeScore(result.current)}`);
  io.out(`new weights:    ${describeScore(result.candidate)}`);
  if (!result.accepted) {
    io.err(`Refused: the new weights do worse on the held-out split (${result.reasons.join('; ')}). Nothing was written.`);
    return 1;
  }
  io.out(`Accepted: wrote ${result.path} (${result.version}). Restart Hearth to assess with them.`);
  return 0;
}
