import { z } from 'zod';
import { automodActionSchema, automodRuleKindSchema, type AutomodAction, type AutomodRuleKind } from './moderation.js';
import { text } from './text.js';

/**
 * Automod rules (issue 13 item 5), the new-members hold (item 6) and the
 * site's moderation settings. A rule's `config` is validated per kind.
 */

const term = text().trim().min(2).max(60);

export const automodConfigSchemas = {
  /** Terms beyond the maintained list (obscenity's English slurs), and terms never to match (a place name, a reclaimed word). */
  slurs: z.strictObject({ extraTerms: z.array(term).max(200).default([]), allowedTerms: z.array(term).max(200).default([]) }),
  self_harm_encouragement: z.strictObject({}),
  /** More links than this from an account younger than the site's new-account age. */
  link_limit: z.strictObject({ maxLinks: z.number().int().min(0).max(50) }),
  /** More posts and replies than this within `minutes`. */
  rate_limit: z.strictObject({ maxPosts: z.number().int().min(1).max(500), minutes: z.number().int().min(1).max(24 * 60) }),
  /** The same words by the same author again within `minutes`. */
  duplicate: z.strictObject({ minutes: z.number().int().min(1).max(7 * 24 * 60) }),
} as const satisfies Record<AutomodRuleKind, z.ZodType>;

export type AutomodConfig<K extends AutomodRuleKind> = z.output<(typeof automodConfigSchemas)[K]>;

export const AUTOMOD_KIND_LABELS: Record<AutomodRuleKind, string> = {
  slurs: 'Slurs',
  self_harm_encouragement: 'Encouraging someone to harm themselves',
  link_limit: 'Links from new accounts',
  rate_limit: 'Posting very fast',
  duplicate: 'The same words posted again',
};

export const AUTOMOD_ACTION_LABELS: Record<AutomodAction, string> = {
  hold: 'Hold for a moderator',
  content_warning: 'Add a content warning',
  flag: 'Flag for a moderator (stays visible)',
};

const ruleName = text().trim().min(2).max(80);

/** A new rule: the kind decides the config's shape (400 naming `config.<field>` when it does not fit). */
export const createAutomodRuleRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('slurs'), name: ruleName, action: automodActionSchema, enabled: z.boolean().default(true), config: automodConfigSchemas.slurs }),
  z.strictObject({
    kind: z.literal('self_harm_encouragement'),
    name: ruleName,
    action: automodActionSchema,
    enabled: z.boolean().default(true),
    config: automodConfigSchemas.self_harm_encouragement.default({}),
  }),
  z.strictObject({ kind: z.literal('link_limit'), name: ruleName, action: automodActionSchema, enabled: z.boolean().default(true), config: automodConfigSchemas.link_limit }),
  z.strictObject({ kind: z.literal('rate_limit'), name: ruleName, action: automodActionSchema, enabled: z.boolean().default(true), config: automodConfigSchemas.rate_limit }),
  z.strictObject({ kind: z.literal('duplicate'), name: ruleName, action: automodActionSchema, enabled: z.boolean().default(true), config: automodConfigSchemas.duplicate }),
]);
export type CreateAutomodRuleRequest = z.output<typeof createAutomodRuleRequestSchema>;

/** A change: the config is checked against the rule's kind by the server. */
export const updateAutomodRuleRequestSchema = z.strictObject({
  name: ruleName.optional(),
  action: automodActionSchema.optional(),
  enabled: z.boolean().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export const automodRuleSchema = z.object({
  id: z.uuid(),
  groupId: z.uuid().nullable(),
  kind: automodRuleKindSchema,
  action: automodActionSchema,
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AutomodRuleView = z.infer<typeof automodRuleSchema>;

export const automodRulesQuerySchema = z.strictObject({ group: text().min(1).max(48).optional() });

export const automodRulesResponseSchema = z.object({
  rules: z.array(automodRuleSchema),
  /** For a group: its name and the new-members setting; null for the site's rules. */
  group: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), holdNewMemberPosts: z.number().int() }).nullable(),
  /** Whether the viewer may change these rules. */
  canEdit: z.boolean(),
});
export type AutomodRulesResponse = z.infer<typeof automodRulesResponseSchema>;

export const automodRuleResponseSchema = z.object({ rule: automodRuleSchema });

/** How many of a new member's first posts in a group wait for approval (0: none). */
export const newMembersRequestSchema = z.strictObject({ holdNewMemberPosts: z.number().int().min(0).max(20) });
export const newMembersResponseSchema = z.object({ holdNewMemberPosts: z.number().int() });

/** Site moderation settings (site_settings key `moderation`). */
export const moderationSettingsSchema = z.object({
  /** An account younger than this many days is new: link limits apply to it. */
  newAccountDays: z.number().int().min(0).max(365).default(7),
});
export type ModerationSettings = z.infer<typeof moderationSettingsSchema>;
export const moderationSettingsRequestSchema = z.strictObject({ newAccountDays: z.number().int().min(0).max(365) });
export const moderationSettingsResponseSchema = z.object({ settings: z.object({ newAccountDays: z.number().int() }) });
