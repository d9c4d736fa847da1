import { describe, expect, it } from 'vitest';
import { conversationPolicy } from './policies.js';

const me = 'me';
const them = 'them';
const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-12-06T12:00:00Z');
const at = { now, minAccountAgeMs: DAY };
type Facts = { shownContent: boolean; blocked: boolean; requestsFrom: 'nobody' | 'shared_group' | 'everyone'; shareGroup: boolean };
const open: Facts = { shownContent: true, blocked: false, requestsFrom: 'shared_group', shareGroup: true };

describe('a direct conversation as each member sees it', () => {
  it('the one who asked sees a waiting and a declined request alike; the recipient loses a declined one', () => {
    expect(conversationPolicy.directView({ requestState: 'pending', requestedBy: me }, me, false)).toBe('request_sent');
    expect(conversationPolicy.directView({ requestState: 'declined', requestedBy: me }, me, false)).toBe('request_sent');
    expect(conversationPolicy.directView({ requestState: 'pending', requestedBy: them }, me, false)).toBe('request_received');
    expect(conversationPolicy.directView({ requestState: 'declined', requestedBy: them }, me, false)).toBe('hidden');
    expect(conversationPolicy.directView({ requestState: 'accepted', requestedBy: them }, me, false)).toBe('accepted');
    expect(conversationPolicy.directView({ requestState: 'accepted', requestedBy: them }, me, true)).toBe('hidden');
  });

  it('only an accepted conversation with no block either way may be written in', () => {
    expect(conversationPolicy.directMayWrite('accepted', false)).toBe(true);
    expect(conversationPolicy.directMayWrite('accepted', true)).toBe(false);
    expect(conversationPolicy.directMayWrite('request_sent', false)).toBe(false);
    expect(conversationPolicy.directMayWrite('request_received', false)).toBe(false);
  });
});

describe('who may send a message request', () => {
  const aged = { createdAt: new Date(now.getTime() - DAY - 1) };
  it('the sender first: a day old, and something shown under their handle', () => {
    expect(conversationPolicy.requestRefusal({ createdAt: new Date(now.getTime() - DAY + 1) }, open, at)?.code).toBe('account_too_new');
    expect(conversationPolicy.requestRefusal(aged, { ...open, shownContent: false }, at)?.code).toBe('no_visible_posts');
    expect(conversationPolicy.requestRefusal(aged, open, at)).toBeNull();
  });

  it('then the recipient: their setting, a shared group by default, and a block read the same', () => {
    const refused = (facts: Partial<Facts>) => conversationPolicy.requestRefusal(aged, { ...open, ...facts }, at);
    expect(refused({ shareGroup: false })?.code).toBe('not_accepting_requests');
    expect(refused({ requestsFrom: 'everyone', shareGroup: false })).toBeNull();
    expect(refused({ requestsFrom: 'nobody' })?.code).toBe('not_accepting_requests');
    expect(refused({ blocked: true })).toEqual(refused({ requestsFrom: 'nobody' }));
  });
});
