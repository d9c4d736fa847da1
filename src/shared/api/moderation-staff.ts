import { z } from 'zod';
import { roleSchema } from './accounts.js';
import { groupRoleSchema, groupSchema } from './community.js';
import { sanctionKindSchema } from './moderation.js';

/**
 * Contracts of the staff screens (issue 13): admins find members and change
 * roles, group moderators look after their group's team, staff's logged reveal.
 */

// ---------- admins: members and roles ----------

export const memberSummarySchema = z.object({
  id: z.uuid(),
  handle: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type MemberSummary = z.infer<typeof memberSummarySchema>;

/** The member's worst sanction in force now (a mute is in one group), or null. Reason stays on the member's own page. */
export const sanctionInForceSchema = z.object({ kind: sanctionKindSchema, until: z.string().nullable() });

export const adminMemberSchema = memberSummarySchema.extend({ sanction: sanctionInForceSchema.nullable() });
export type AdminMember = z.infer<typeof adminMemberSchema>;
export const adminMembersResponseSchema = z.object({ users: z.array(adminMemberSchema) });
export type AdminMembersResponse = z.infer<typeof adminMembersResponseSchema>;

// ---------- group moderators: the group's team ----------

export const teamMemberSchema = z.object({
  userId: z.uuid(),
  handle: z.string(),
  role: groupRoleSchema,
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const groupTeamResponseSchema = z.object({
  group: groupSchema,
  /** What this viewer may do here, from the group policy (the screen shows only what will work). */
  powers: z.object({ editDetails: z.boolean(), archive: z.boolean(), changeModerators: z.boolean() }),
  /** Every active moderator and facilitator. */
  team: z.array(teamMemberSchema),
  /** Active members matching `q` (by handle), at most 20, for appointing: empty without `q`. */
  members: z.array(teamMemberSchema),
});
export type GroupTeamResponse = z.infer<typeof groupTeamResponseSchema>;

// ---------- staff: the logged reveal ----------

/** The shapes of `POST /api/staff/reveal` and `GET /api/staff/reveals` (moderation/reveal.ts), for the web app. */
export const revealResponseSchema = z.object({ author: z.object({ id: z.uuid(), handle: z.string() }) });
export type RevealResponse = z.infer<typeof revealResponseSchema>;

export const revealLogEntrySchema = z.object({
  staffHandle: z.string(),
  revealedHandle: z.string(),
  contentType: z.enum(['post', 'reply']),
  contentId: z.uuid(),
  reason: z.string(),
  at: z.string(),
});
export type RevealLogEntry = z.infer<typeof revealLogEntrySchema>;
export const revealLogResponseSchema = z.object({ reveals: z.array(revealLogEntrySchema) });
export type RevealLogResponse = z.infer<typeof revealLogResponseSchema>;

/** A member's own reveals: which of their anonymous posts or replies staff looked behind, when and why (never who). */
export const myRevealSchema = z.object({
  contentType: z.enum(['post', 'reply']),
  contentId: z.uuid(),
  reason: z.string(),
  at: z.string(),
});
export type MyReveal = z.infer<typeof myRevealSchema>;
export const myRevealsResponseSchema = z.object({ reveals: z.array(myRevealSchema) });
export type MyRevealsResponse = z.infer<typeof myRevealsResponseSchema>;
