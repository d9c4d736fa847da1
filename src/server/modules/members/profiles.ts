import type { z } from 'zod';
import type { MemberPostsResponse, MemberProfile, memberPostsQuerySchema } from '../../../shared/api/profiles.js';
import type { Deps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session-service.js';
import { hasBlocked } from '../boundaries/queries.js';
import { decodeCursor, encodeCursor } from '../feeds/cursor.js';
import { presentPostSummary } from '../posts/presenters.js';
import { isStaffRole } from '../posts/visibility.js';
import { findMemberByHandle, memberPostsPage, type ProfileRow } from './profile-queries.js';

/**
 * The member profile page: what a member shows under their handle, and nothing derived from what they wrote
 * anonymously. Blocks follow the community rule that they hide only content shown under a handle: with a block in
 * either direction the profile lists no posts.
 */
async function requireMember(deps: Pick<Deps, 'db'>, handle: string): Promise<ProfileRow> {
  const member = await findMemberByHandle(deps.db, handle);
  if (!member) throw notFound('That member');
  return member;
}

export function presentProfile(member: ProfileRow, viewerId: string): MemberProfile {
  return {
    handle: member.handle,
    role: member.role === 'member' ? null : member.role,
    pronouns: member.pronouns,
    bio: member.bio,
    joinedMonth: member.createdAt.toISOString().slice(0, 7),
    isYou: member.id === viewerId,
  };
}

export async function memberProfile(deps: Pick<Deps, 'db'>, auth: AuthContext, handle: string): Promise<MemberProfile> {
  return presentProfile(await requireMember(deps, handle), auth.user.id);
}

export async function memberPosts(
  deps: Pick<Deps, 'db'>,
  auth: AuthContext,
  handle: string,
  query: z.output<typeof memberPostsQuerySchema>,
): Promise<MemberPostsResponse> {
  const member = await requireMember(deps, handle);
  const cursor = decodeCursor(query.cursor);
  // Blocks hide what is shown under a handle, both ways; staff are unaffected. The member who blocked is told
  // (it was their choice); the member who was blocked sees what any member with no posts under their handle
  // shows, because a blocked member is never told.
  if (member.id !== auth.user.id && !isStaffRole(auth.user.role)) {
    if (await hasBlocked(deps.db, auth.user.id, member.id)) return { available: false, posts: [], nextCursor: null };
    if (await hasBlocked(deps.db, member.id, auth.user.id)) return { available: true, posts: [], nextCursor: null };
  }
  const listings = await memberPostsPage(deps.db, { id: auth.user.id, role: auth.user.role }, member, cursor, query.limit + 1);
  const shown = listings.slice(0, query.limit);
  const last = shown.at(-1);
  const viewer = { id: auth.user.id, isStaff: isStaffRole(auth.user.role) };
  return {
    available: true,
    posts: shown.map((row) => presentPostSummary(row.listing, viewer)),
    nextCursor: listings.length > query.limit && last ? encodeCursor({ t: last.sortKey, id: last.listing.post.id }) : null,
  };
}
