/** The normaliser's working buffer (normalise.ts): code units, each with the span of the original it came from. */

/** A working buffer: UTF-16 code units plus the original span of each. */
export class Buf {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  reset(capacity: number): void {
    if (this.codes.length < capacity) {
      const size = Math.max(capacity, this.codes.length * 2);
      this.codes = new Uint16Array(size);
      this.starts = new Int32Array(size);
      this.ends = new Int32Array(size);
    }
    this.length = 0;
  }
  push(code: number, start: number, end: number): void {
    // Emoji read as words ("✂" → " scissors ") can outgrow any fixed multiple of the input.
    if (this.length === this.codes.length) this.grow();
    const i = this.length++;
    this.codes[i] = code;
    this.starts[i] = start;
    this.ends[i] = end;
  }
  grow(): void {
    const size = this.codes.length * 2 + 16;
    const codes = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    codes.set(this.codes);
    starts.set(this.starts);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }
  at(i: number): number {
    return i >= 0 && i < this.length ? (this.codes[i] ?? 0) : 0;
  }
}

// Reused between calls: the write path normalises every post, so avoid garbage.
