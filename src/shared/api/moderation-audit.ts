import { z } from 'zod';
import { text } from './text.js';

/**
 * The admins' search of the audit log (`GET /api/admin/audit`, issue 13 item 7).
 * The log is append-only in the database; this is only a way to read it. Each
 * entry's details pass an allow-list on the server (never a content body).
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Days the database can take: year 0 is refused by PostgreSQL, and the day after
 * 9999-12-31 (the end of a `to` search) is past its last timestamp. Strings of this
 * form compare in date order.
 */
const FIRST_DAY = '1970-01-01';
const LAST_DAY = '9998-12-31';
const day = (what: string) =>
  z
    .string()
    .regex(DATE, `must be a date like 2026-12-05 (${what})`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'must be a real date')
    .refine((value) => value >= FIRST_DAY && value <= LAST_DAY, `must be between ${FIRST_DAY} and ${LAST_DAY}`);

export const auditQuerySchema = z
  .strictObject({
    action: text().trim().max(80).optional(),
    /** The actor's handle; "automatic" is not a handle: entries with no actor are found by leaving this empty. */
    actor: text().trim().max(64).optional(),
    targetType: text().trim().max(40).optional(),
    targetId: text().trim().max(100).optional(),
    /** UTC days, both included. */
    from: day('the first day').optional(),
    to: day('the last day').optional(),
    cursor: text().max(200).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'must not be before the first day', path: ['to'] });
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** One detail, flattened ("before.contentWarning") and named in words. */
export const auditDetailSchema = z.object({ key: z.string(), label: z.string(), value: z.string() });

export const auditEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  /**
   * Null: done automatically (the scheduler, automod, the command line). Staff are named by handle;
   * a member is never named (their rows could tie anonymous content to them); a deleted account is
   * "a former member".
   */
  actor: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('staff'), handle: z.string() }),
      z.object({ kind: z.enum(['member', 'former_member']), handle: z.null() }),
    ])
    .nullable(),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
  details: z.array(auditDetailSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The action names present in the log, for the filter. */
export const auditActionsSchema = z.object({ actions: z.array(z.string()), targetTypes: z.array(z.string()) });
export type AuditActions = z.infer<typeof auditActionsSchema>;

export const AUDIT_PAGE_SIZE = 50;
