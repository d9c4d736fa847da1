import { z } from 'zod';
import { HANDLE_PATTERN } from './accounts.js';
import { feedQuerySchema, postSummarySchema } from './community.js';

/**
 * A member's profile as other members see it. Only what the member shows under their handle: nothing here is
 * computed from anonymous posts or replies (no counts, no "last active"), so an anonymous post changes nothing.
 */
export const memberProfileSchema = z.object({
  handle: z.string(),
  /** Staff and professionals carry a badge; plain members none. */
  role: z.enum(['moderator', 'professional', 'admin']).nullable(),
  pronouns: z.string().nullable(),
  bio: z.string().nullable(),
  /** The month the account was made, as YYYY-MM: no finer date. */
  joinedMonth: z.string().regex(/^\d{4}-\d{2}$/),
  isYou: z.boolean(),
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;

export const memberProfileResponseSchema = z.object({ profile: memberProfileSchema });

/** The characters a handle can have (see `handleSchema`): anything else is a 400 naming `handle`, never a query. */
export const memberHandleParamsSchema = z.object({
  handle: z.string().min(1).max(64).regex(HANDLE_PATTERN, 'may use letters, digits and underscores, starting with a letter'),
});

export const memberPostsQuerySchema = feedQuerySchema.pick({ cursor: true, limit: true });

export const memberPostsResponseSchema = z.object({
  /**
   * false when the viewer has blocked this member: the page says so. A member who was blocked gets an empty list
   * like any member with no posts under their handle, since the blocked member is never told.
   */
  available: z.boolean(),
  posts: z.array(postSummarySchema),
  nextCursor: z.string().nullable(),
});
export type MemberPostsResponse = z.infer<typeof memberPostsResponseSchema>;
