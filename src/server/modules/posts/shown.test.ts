import { describe, expect, it } from 'vitest';
import { shownReplyIds } from './shown.js';

const reply = (id: string, parentId: string | null, status: string) => ({ id, parentId, status });

describe('shownReplyIds', () => {
  it('shows visible replies and every reply above one, whatever its status', () => {
    const shown = shownReplyIds([
      reply('a', null, 'removed_by_author'),
      reply('b', 'a', 'held'),
      reply('c', 'b', 'visible'),
      reply('d', null, 'removed_by_author'),
      reply('e', 'd', 'removed_by_author'),
      reply('f', null, 'held'),
      reply('g', 'f', 'held'),
    ]);
    expect([...shown].sort()).toEqual(['a', 'b', 'c']);
  });
});
