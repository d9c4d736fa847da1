/**
 * `hearth risk`: assesses JSON lines {"id", "text"} from a stream and writes
 * one JSON line per input line, in the same order:
 *   {"id", "level", "categories", "score"}
 * A malformed line gets {"id": <id or null>, "error": "…"} and the run goes
 * on; blank lines are skipped. Returns the number of malformed lines so the
 * caller can set the exit code.
 */
import { createInterface } from 'node:readline';
import { assess } from './assessor/index.js';

type Id = string | number | boolean | null | Record<string, unknown> | unknown[];

interface Ok {
  id: Id;
  level: string;
  categories: string[];
  score: number;
}
interface Failed {
  id: Id;
  error: string;
}

function idOf(value: unknown): Id {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (id === undefined) return null;
    return id as Id;
  }
  return null;
}

/** Assess one input line; never throws. */
export function assessLine(line: string): Ok | Failed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (err) {
    return { id: null, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { id: null, error: 'expected a JSON object with "id" and "text"' };
  }
  const id = idOf(parsed);
  if (!('text' in parsed)) return { id, error: 'missing "text"' };
  const text: unknown = (parsed as { text: unknown }).text;
  if (typeof text !== 'string')
    return {
      id,
      error: `"text" must be a string, got ${text === null ? 'null' : Array.isArray(text) ? 'array' : typeof text}`,
    };
  const a = assess(text);
  return { id, level: a.level, categories: a.categories, score: a.score };
}

export async function runRiskCli(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let errors = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const result = assessLine(line);
    if ('error' in result) errors++;
    const chunk = JSON.stringify(result) + '\n';
    // Respect back-pressure so a large input file does not buffer in memory.
    if (!output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  }
  return errors;
}
