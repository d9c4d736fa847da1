import type { z } from 'zod';
import type {
  blockedMemberSchema,
  CommunitySettings,
  createPostRequestSchema,
  createReplyRequestSchema,
  FeedResponse,
  Group,
  muteSchema,
  PostWriteResponse,
  ReactionKind,
  ReplyWriteResponse,
  SearchResponse,
  ThreadRepliesResponse,
  ThreadResponse,
  updateCommunitySettingsRequestSchema,
  updatePostRequestSchema,
} from '../../shared/api/community.js';
import type { MemberProfile } from '../../shared/api/profiles.js';
import { api } from './client.js';

/** Calls of the community API (contracts in src/shared/api/community.ts). */

export type CreatePostInput = z.input<typeof createPostRequestSchema>;
export type UpdatePostInput = z.input<typeof updatePostRequestSchema>;
export type CreateReplyInput = z.input<typeof createReplyRequestSchema>;
export type CommunitySettingsInput = z.input<typeof updateCommunitySettingsRequestSchema>;
export type BlockedMember = z.infer<typeof blockedMemberSchema>;
export type Mute = z.infer<typeof muteSchema>;
export type FeedSort = 'newest' | 'active';

const path = (value: string) => encodeURIComponent(value);

// ---------- groups ----------

export const listGroups = (signal?: AbortSignal) => api<{ groups: Group[] }>('/api/groups', signal ? { signal } : {});

export const suggestGroups = (topics: string[], signal?: AbortSignal) =>
  api<{ groups: Group[] }>(`/api/groups/suggestions?topics=${topics.map(path).join(',')}`, signal ? { signal } : {});

export const fetchGroup = (slug: string, signal?: AbortSignal) =>
  api<{ group: Group }>(`/api/groups/${path(slug)}`, signal ? { signal } : {});

/** Joining is accepting the rules: the server refuses a join without it. */
export const joinGroup = (slug: string) =>
  api<{ group: Group }>(`/api/groups/${path(slug)}/join`, { method: 'POST', body: { acceptRules: true } });

export const leaveGroup = (slug: string) =>
  api<{ ok: true }>(`/api/groups/${path(slug)}/membership`, { method: 'DELETE' });

export const updateGroupRules = (slug: string, rules: string) =>
  api<{ group: Group }>(`/api/groups/${path(slug)}`, { method: 'PATCH', body: { rules } });

// ---------- feeds ----------

/** Which list of posts: home (your groups), waiting for a reply, your own, or one group's. */
export type FeedSource =
  | { kind: 'home'; sort: FeedSort }
  | { kind: 'needs-reply' }
  | { kind: 'mine' }
  | { kind: 'group'; slug: string; sort: FeedSort }
  /** A member's posts under their handle (their profile page). */
  | { kind: 'member'; handle: string };

function feedPath(source: FeedSource): string {
  switch (source.kind) {
    case 'home':
      return `/api/feed?sort=${source.sort}`;
    case 'needs-reply':
      return '/api/feed/needs-reply?';
    case 'mine':
      return '/api/feed/mine?';
    case 'group':
      return `/api/groups/${path(source.slug)}/feed?sort=${source.sort}`;
    case 'member':
      return `/api/members/${path(source.handle)}/posts?`;
  }
}

export function fetchFeed(source: FeedSource, cursor: string | undefined, signal?: AbortSignal) {
  const base = feedPath(source);
  const separator = base.endsWith('?') ? '' : '&';
  // A member's posts also say whether they are available to this viewer (not when either has blocked the other).
  return api<FeedResponse & { available?: boolean }>(`${base}${cursor ? `${separator}cursor=${path(cursor)}` : ''}`, signal ? { signal } : {});
}

export const fetchMemberProfile = (handle: string, signal?: AbortSignal) =>
  api<{ profile: MemberProfile }>(`/api/members/${path(handle)}`, signal ? { signal } : {});

// ---------- posts and replies ----------

/**
 * A thread's first page: the post and its first replies, or (`at`) the page
 * holding one reply or the newest (a reply the reader is not shown opens the top).
 */
export const fetchThread = (postId: string, options: { at?: string; from?: string; limit?: number } = {}, signal?: AbortSignal) => {
  const query = new URLSearchParams();
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  if (options.at !== undefined) query.set('at', options.at);
  if (options.from !== undefined) query.set('from', options.from);
  const search = query.toString() ? `?${query.toString()}` : '';
  return api<ThreadResponse>(`/api/posts/${path(postId)}${search}`, signal ? { signal } : {});
};

/** A further page of a thread's replies: those after a cursor, or those just before one. */
export const fetchThreadReplies = (postId: string, page: { after: string } | { before: string }, signal?: AbortSignal) => {
  const query = 'after' in page ? `after=${path(page.after)}` : `before=${path(page.before)}`;
  return api<ThreadRepliesResponse>(`/api/posts/${path(postId)}/replies?${query}`, signal ? { signal } : {});
};

export const createPost = (slug: string, body: CreatePostInput) =>
  api<PostWriteResponse>(`/api/groups/${path(slug)}/posts`, { method: 'POST', body });

export const updatePost = (postId: string, body: UpdatePostInput) =>
  api<PostWriteResponse>(`/api/posts/${path(postId)}`, { method: 'PATCH', body });

export const removePost = (postId: string) => api<{ ok: true }>(`/api/posts/${path(postId)}`, { method: 'DELETE' });

export const createReply = (postId: string, body: CreateReplyInput) =>
  api<ReplyWriteResponse>(`/api/posts/${path(postId)}/replies`, { method: 'POST', body });

export const updateReply = (replyId: string, body: string) =>
  api<PostWriteResponse>(`/api/replies/${path(replyId)}`, { method: 'PATCH', body: { body } });

export const removeReply = (replyId: string) =>
  api<{ ok: true }>(`/api/replies/${path(replyId)}`, { method: 'DELETE' });

export type ReactionTarget = { type: 'post' | 'reply'; id: string };

export const setReaction = (target: ReactionTarget, kind: ReactionKind, on: boolean) =>
  api<{ ok: true }>(`/api/${target.type === 'post' ? 'posts' : 'replies'}/${path(target.id)}/reactions/${kind}`, {
    method: on ? 'PUT' : 'DELETE',
  });

// ---------- settings, blocks, mutes, search ----------

export const fetchCommunitySettings = (signal?: AbortSignal) =>
  api<{ settings: CommunitySettings }>('/api/me/community-settings', signal ? { signal } : {});

export const updateCommunitySettings = (body: CommunitySettingsInput) =>
  api<{ settings: CommunitySettings }>('/api/me/community-settings', { method: 'PATCH', body });

export const listBlocks = (signal?: AbortSignal) =>
  api<{ blocked: BlockedMember[] }>('/api/me/blocks', signal ? { signal } : {});

export const blockMember = (handle: string) =>
  api<{ ok: true }>('/api/me/blocks', { method: 'POST', body: { handle } });

export const unblockMember = (userId: string) =>
  api<{ ok: true }>(`/api/me/blocks/${path(userId)}`, { method: 'DELETE' });

export const listMutes = (signal?: AbortSignal) => api<{ mutes: Mute[] }>('/api/me/mutes', signal ? { signal } : {});

export const setMuted = (targetType: Mute['targetType'], targetId: string, muted: boolean) =>
  api<{ ok: true }>(`/api/me/mutes/${targetType}/${path(targetId)}`, { method: muted ? 'PUT' : 'DELETE' });

export const search = (q: string, signal?: AbortSignal) =>
  api<SearchResponse>(`/api/search?q=${path(q)}`, signal ? { signal } : {});
