import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runRiskCli } from './risk-cli.js';

async function run(input: string): Promise<{ lines: Record<string, unknown>[]; errors: number }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const errors = await runRiskCli(Readable.from([input]), output);
  output.end();
  const text = Buffer.concat(chunks).toString('utf8');
  const lines = text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, errors };
}

describe('runRiskCli', () => {
  it('writes one assessment per line, in input order', async () => {
    const input = [
      JSON.stringify({ id: 1, text: 'I took all my pills an hour ago' }),
      JSON.stringify({ id: 'b', text: 'this exam is killing me' }),
      JSON.stringify({ id: 3, text: 'I want to kill myself' }),
    ].join('\n');
    const { lines, errors } = await run(input);
    expect(errors).toBe(0);
    expect(lines.map((l) => l['id'])).toEqual([1, 'b', 3]);
    expect(lines[0]).toMatchObject({ level: 'imminent' });
    expect(lines[0]?.['categories']).toContain('attempt');
    expect(lines[1]).toMatchObject({ level: 'none', categories: [] });
    expect(lines[2]).toMatchObject({ level: 'high' });
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(['categories', 'id', 'level', 'score']);
      expect(l['score']).toBeGreaterThanOrEqual(0);
      expect(l['score']).toBeLessThanOrEqual(1);
    }
  });

  it('reports malformed lines without stopping and counts them', async () => {
    const input = [
      '{not json',
      JSON.stringify({ id: 7 }),
      JSON.stringify({ id: 8, text: 42 }),
      '',
      '   ',
      JSON.stringify({ id: 9, text: 'hello everyone, lovely weather' }),
      '[1,2]',
    ].join('\n');
    const { lines, errors } = await run(input);
    expect(errors).toBe(4);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: null });
    expect(String(lines[0]?.['error'])).toMatch(/JSON/);
    expect(lines[1]).toEqual({ id: 7, error: 'missing "text"' });
    expect(lines[2]).toMatchObject({ id: 8 });
    expect(String(lines[2]?.['error'])).toMatch(/"text" must be a string/);
    expect(lines[3]).toMatchObject({ id: 9, level: 'none' });
    expect(lines[4]).toMatchObject({ id: null });
  });

  it('handles CRLF input and a missing id', async () => {
    const { lines, errors } = await run(`{"text":"I wrote the note and I'm going to kill myself tonight"}\r\n`);
    expect(errors).toBe(0);
    expect(lines[0]).toMatchObject({ id: null, level: 'imminent' });
  });
});
