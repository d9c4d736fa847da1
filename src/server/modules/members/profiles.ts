import type { z } from 'zod';
import type { MemberPostsResponse, MemberProfile, memberPostsQuerySchema } from '../../../shared/api/profiles.js';
import type { Deps } from '../../deps.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session-service.js';
import { decodeCursor, encodeCursor, type Cursor } from '../feeds/cursor.js';
import { presentPostSummary } from '../posts/presenters.js';
import { isStaffRole } from '../posts/visibility.js';
import { blockedEitherWay, findMemberByHandle, memberPostsPage, type ProfileRow } from './profile-queries.js';

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

/**
 * A feed cursor, with its time made a plain UTC instant PostgreSQL accepts: a hand-made cursor with year 0 or an
 * offset beyond ±15:59 is a 400 naming the cursor, not a database error.
 */
function profileCursor(raw: string | undefined): Cursor | undefined {
  const cursor = decodeCursor(raw);
  if (!cursor) return undefined;
  const at = new Date(cursor.t);
  const year = at.getUTCFullYear();
  if (Number.isNaN(at.getTime()) || year < 1970 || year > 9999) {
    throw badRequest('"cursor" is not a cursor this server gave out.', 'cursor', 'invalid_field');
  }
  return { ...cursor, t: at.toISOString() };
}

export async function memberPosts(
  deps: Pick<Deps, 'db'>,
  auth: AuthContext,
  handle: string,
  query: z.output<typeof memberPostsQuerySchema>,
): Promise<MemberPostsResponse> {
  const member = await requireMember(deps, handle);
  const cursor = profileCursor(query.cursor);
  if (member.id !== auth.user.id && (await blockedEitherWay(deps.db, auth.user.id, member.id))) {
    return { available: false, posts: [], nextCursor: null };
  }
  const listings = await memberPostsPage(deps.db, { id: auth.user.id, role: auth.user.role }, member, cursor, query.limit + 1);
  const shown = listings.slice(0, query.limit);
  const last = shown.at(-1);
  const viewer = { id: auth.user.id, isStaff: isStaffRole(auth.user.role) };
  return {
    available: true,
    posts: shown.map((listing) => presentPostSummary(listing, viewer)),
    nextCursor: listings.length > query.limit && last ? encodeCursor({ t: last.post.createdAt.toISOString(), id: last.post.id }) : null,
  };
}
