import { z } from 'zod';
import { hotlineServiceSchema } from '../hotlines.js';
import { riskLevelSchema } from '../risk.js';

/**
 * The support card a writer sees in the same response when what they wrote is
 * assessed `elevated` or above (DESIGN.md "The safety pipeline").
 */
export const supportCardSchema = z.object({
  assessmentId: z.uuid(),
  level: riskLevelSchema,
  /** `self`: the writer's own risk. `other`: the writer is worried about someone else. */
  about: z.enum(['self', 'other']),
  message: z.string(),
  emergency: z.object({ number: z.string(), countryName: z.string().nullable(), first: z.boolean() }),
  countryCode: z.string().nullable(),
  services: z.array(hotlineServiceSchema),
  international: z.array(z.object({ name: z.string(), url: z.string(), description: z.string() })),
  /** Set when the content is held from other members (method or attempt details), with the reason, said plainly. */
  held: z.object({ reason: z.string() }).nullable(),
  actions: z.array(z.object({ id: z.enum(['talk_to_someone', 'safe_for_now']), label: z.string() })),
  /**
   * Whether a person from the safety team is online for the alert this content
   * raised (null when it raised none). When nobody is on duty the card says so
   * honestly and the crisis lines come first.
   */
  team: z.object({ online: z.boolean(), message: z.string() }).nullable(),
});
export type SupportCard = z.infer<typeof supportCardSchema>;

export const supportActionRequestSchema = z.strictObject({
  assessmentId: z.uuid(),
  action: z.enum(['talk_to_someone', 'safe_for_now']),
});

export const supportActionResponseSchema = z.object({
  recorded: z.literal(true),
  /** True when the safety team was alerted (for "Talk to someone now"). */
  alerted: z.boolean(),
  message: z.string(),
});

/** The writer folds their durable support card away (it stays folded on every device). */
export const foldSupportCardResponseSchema = z.object({ folded: z.literal(true) });
