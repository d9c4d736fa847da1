import { describe, expect, it } from 'vitest';
import { GateFullError, HashGate } from './hash-gate.js';

/** Work the test finishes by hand, so nothing sleeps. */
function manual() {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const work = (name: string) => () =>
    new Promise<string>((resolve) => {
      started.push(name);
      finishers.set(name, () => resolve(name));
    });
  const finish = async (name: string) => {
    finishers.get(name)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, work, finish };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the argon2 gate', () => {
  it('runs at most its slots at once and queues the rest in order', async () => {
    const gate = new HashGate(2, 1, 10);
    const { started, work, finish } = manual();
    const runs = ['a', 'b', 'c', 'd'].map((name) => gate.run('urgent', work(name)));
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(gate.waiting).toBe(2);
    await finish('a');
    expect(started).toEqual(['a', 'b', 'c']);
    await finish('b');
    await finish('c');
    await finish('d');
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.active).toBe(0);
  });

  it('keeps a slot for sign-in however many re-checks of a current password wait, and lets sign-in go first', async () => {
    const gate = new HashGate(2, 1, 50);
    const { started, work, finish } = manual();
    const checks = Array.from({ length: 20 }, (_, i) => gate.run('background', work(`check${i}`)));
    await settle();
    expect(started).toEqual(['check0']);
    const signIn = gate.run('urgent', work('sign-in'));
    await settle();
    expect(started).toEqual(['check0', 'sign-in']);
    // A second sign-in waits for a slot, and takes the next one ahead of the twenty re-checks.
    const second = gate.run('urgent', work('sign-in-2'));
    await settle();
    expect(started).toEqual(['check0', 'sign-in']);
    await finish('check0');
    expect(started).toEqual(['check0', 'sign-in', 'sign-in-2']);
    await finish('sign-in');
    expect(started.at(-1)).toBe('check1');
    await finish('sign-in-2');
    expect(await Promise.all([signIn, second])).toEqual(['sign-in', 'sign-in-2']);
    for (let i = 1; i < 20; i++) await finish(`check${i}`);
    expect(await Promise.all(checks)).toHaveLength(20);
  });

  it('refuses at once when the line is full', async () => {
    const gate = new HashGate(1, 1, 2);
    const { work, finish } = manual();
    const running = [gate.run('urgent', work('a')), gate.run('urgent', work('b')), gate.run('urgent', work('c'))];
    await expect(gate.run('urgent', work('d'))).rejects.toBeInstanceOf(GateFullError);
    await finish('a');
    await finish('b');
    await finish('c');
    await Promise.all(running);
  });
});
