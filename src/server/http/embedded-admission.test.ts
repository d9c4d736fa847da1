import { describe, expect, it } from 'vitest';
import { Door } from './embedded-admission.js';

describe('the embedded database’s door', () => {
  it('lets at most its slots in, and the rest in arrival order as others leave', async () => {
    const door = new Door(2);
    const entered: string[] = [];
    const arrive = (name: string) => door.enter().then(() => entered.push(name));
    const all = ['a', 'b', 'c', 'd', 'e'].map(arrive);
    await Promise.resolve();
    await Promise.resolve();
    expect(entered).toEqual(['a', 'b']);
    expect(door.waiting).toBe(3);
    door.leave();
    door.leave();
    await Promise.resolve();
    await Promise.resolve();
    expect(entered).toEqual(['a', 'b', 'c', 'd']);
    door.leave();
    await Promise.all(all);
    expect(entered).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(door.waiting).toBe(0);
  });

  it('does not let a newcomer pass someone already waiting', async () => {
    const door = new Door(1);
    const entered: string[] = [];
    void door.enter().then(() => entered.push('first'));
    void door.enter().then(() => entered.push('waiting'));
    door.leave();
    void door.enter().then(() => entered.push('newcomer'));
    await Promise.resolve();
    await Promise.resolve();
    expect(entered).toEqual(['first', 'waiting']);
  });
});
