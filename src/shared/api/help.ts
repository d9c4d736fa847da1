import { z } from 'zod';
import { countryDirectorySchema } from '../hotlines.js';

/** `GET /api/help`: crisis lines and the emergency number, readable without signing in. */
export const helpQuerySchema = z.strictObject({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO country code, like GB or US')
    .transform((value) => value.toUpperCase())
    .optional(),
});

export const helpResponseSchema = z.object({
  /** The directory for the chosen or detected country; null when there is none. */
  country: countryDirectorySchema.nullable(),
  /** How the country was chosen: asked for, from the profile, from the browser's language, or none. */
  detectedFrom: z.enum(['query', 'profile', 'accept-language', 'none']),
  emergencyNote: z.string(),
  international: z.array(z.object({ name: z.string(), url: z.string(), description: z.string() })),
  countries: z.array(z.object({ code: z.string(), name: z.string(), emergencyNumber: z.string() })),
});
export type HelpResponse = z.infer<typeof helpResponseSchema>;
