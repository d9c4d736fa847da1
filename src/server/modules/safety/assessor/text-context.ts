/**
 * One normalised text as context.ts reads it: where its sentences and clauses
 * end, and the answers to per-sentence questions, computed once per text.
 */
import { COVER_STORY_RE } from './context-phrases.js';

/** Precomputed sentence and clause boundaries of one normalised text. */
export class TextContext {
  readonly text: string;
  private readonly sentenceEnds: number[] = [];
  private readonly clauseEnds: number[] = [];

  constructor(text: string) {
    this.text = text;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      // . ! ? newline end a sentence; , ; : and "but" end a clause.
      if (c === 46 || c === 33 || c === 63 || c === 10) {
        this.sentenceEnds.push(i);
        this.clauseEnds.push(i);
      } else if (c === 44 || c === 59 || c === 58) {
        this.clauseEnds.push(i);
      } else if (
        c === 32 &&
        (text.startsWith(' but ', i) ||
          text.startsWith(' though ', i) ||
          text.startsWith(' although ', i) ||
          text.startsWith(' except ', i))
      ) {
        this.clauseEnds.push(i);
      }
    }
  }

  private cover: boolean | undefined;
  private readonly tested = new Map<RegExp, Map<number, boolean>>();

  /**
   * re.test(text[from, to)), remembered per regex and start: every hit in a
   * sentence asks the same questions of it (a flood of hits in one long
   * sentence would otherwise re-read it once per hit).
   */
  testOnce(re: RegExp, from: number, to: number): boolean {
    let byStart = this.tested.get(re);
    if (byStart === undefined) {
      byStart = new Map();
      this.tested.set(re, byStart);
    }
    let result = byStart.get(from);
    if (result === undefined) {
      result = re.test(this.text.slice(from, to));
      byStart.set(from, result);
    }
    return result;
  }

  /** The text calls a harmless reading a cover story (COVER_STORY_RE); computed once per text. */
  coverStory(): boolean {
    this.cover ??= COVER_STORY_RE.test(this.text);
    return this.cover;
  }

  private bounds(ends: readonly number[], pos: number): [number, number] {
    let start = 0;
    for (const e of ends) {
      if (e >= pos) return [start, e];
      start = e + 1;
    }
    return [start, this.text.length];
  }

  sentence(pos: number): [number, number] {
    return this.bounds(this.sentenceEnds, pos);
  }

  clause(pos: number): [number, number] {
    return this.bounds(this.clauseEnds, pos);
  }
}
