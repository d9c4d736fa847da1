import { describe, expect, it } from 'vitest';
import { threadCursorSchema } from '../../../shared/api/community.js';
import { openCursor, placeOf, sealCursor } from './thread-cursor.js';

const secret = 'a-session-secret-of-at-least-32-characters';
const post = '6f1d3a52-0c8e-4a5b-9d2f-1e7c4b8a9f00';
const otherPost = '0b5e8c1a-7d3f-4e29-a6b4-2c9d8e7f1a33';
const level = (time: string, id: string) => `${time.padStart(16, '0')}${id}`;
const key = level('1796521876546000', 'c0b6f015bddb481bbcd4b0a1e2f3a4b5') + level('1796521877000000', '0123456789abcdef0123456789abcdef');

describe('thread cursors', () => {
  it('give the place back only for the thread they were sealed for', () => {
    const cursor = sealCursor(secret, post, key);
    expect(openCursor(secret, post, cursor)).toBe(key);
    expect(openCursor(secret, otherPost, cursor)).toBeUndefined();
    expect(openCursor('another-session-secret-of-32-characters!', post, cursor)).toBeUndefined();
  });

  it('show nothing of the key (no time, no id) and take the shape the API accepts, from one level to four', () => {
    for (const levels of [1, 2, 3, 4]) {
      const place = key.repeat(2).slice(0, levels * 48);
      const cursor = sealCursor(secret, post, place);
      expect(threadCursorSchema.safeParse(cursor).success, cursor).toBe(true);
      expect(cursor).not.toContain('1796521876');
      expect(Buffer.from(cursor, 'base64url').toString('hex')).not.toContain(place.slice(0, 16));
    }
    // One place gives one cursor (pages that are alike are alike byte for byte); another place or thread another.
    expect(sealCursor(secret, post, key)).toBe(sealCursor(secret, post, key));
    expect(sealCursor(secret, otherPost, key)).not.toBe(sealCursor(secret, post, key));
    expect(sealCursor(secret, post, key.slice(0, 48))).not.toBe(sealCursor(secret, post, key).slice(0, 70));
  });

  it('refuse a cursor that was altered, made up or cut short, with a 400 naming the field', () => {
    const cursor = sealCursor(secret, post, key);
    const flipped = Buffer.from(cursor, 'base64url');
    flipped[20] = flipped[20]! ^ 1;
    for (const bad of [flipped.toString('base64url'), 'A'.repeat(70), cursor.slice(0, -4), key]) {
      expect(openCursor(secret, post, bad)).toBeUndefined();
      expect(() => placeOf(secret, post, 'before', bad)).toThrow(expect.objectContaining({ status: 400, field: 'before' }));
    }
  });
});
