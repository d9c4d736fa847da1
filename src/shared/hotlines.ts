import { z } from "zod";
import { text } from "./api/text.js";

/**
 * Crisis hotline directory types.
 *
 * Shown to a member who says they are in crisis, so every entry must carry the
 * page that confirmed it (`sourceUrl`) and the date it was checked (`checkedOn`).
 */

/** Only https links are ever shown to members. */
const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https URL" });

/** Digits with optional leading +, spaces, hyphens and brackets, e.g. "0800 111 0 111". */
const dialString = z
  .string()
  .trim()
  .regex(
    /^\+?[0-9][0-9 ()-]*$/,
    "must be a dialable number (digits, spaces, hyphens)",
  );

const oneLine = text()
  .trim()
  .min(1)
  .refine((s) => !/[\r\n]/.test(s), "must be a single line");

export const hotlineServiceSchema = z
  .object({
    name: oneLine.max(120),
    /** One short line, shown under the name. */
    description: oneLine.max(200),
    phone: dialString.optional(),
    sms: z
      .object({
        number: dialString,
        /** e.g. "Text SHOUT to 85258". */
        instructions: oneLine.max(160).optional(),
      })
      .optional(),
    chatUrl: httpsUrl.optional(),
    /** As the service publishes it, e.g. "24/7" or "Daily 16:00–21:00 local time". */
    hours: oneLine.max(160),
    /** The service's own site, or the official page describing it. */
    url: httpsUrl,
    /** The page that confirmed the number, hours and address. */
    sourceUrl: httpsUrl,
    /** ISO date (YYYY-MM-DD) the entry was checked against `sourceUrl`. */
    checkedOn: z.iso.date(),
    /** BCP 47 language tags, e.g. ["en", "es"]. */
    languages: z
      .array(
        z
          .string()
          .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a BCP 47 tag"),
      )
      .min(1)
      .optional(),
    /** Who the service is for, when restricted, e.g. "under 26s". */
    audience: oneLine.max(120).optional(),
  })
  .refine(
    (s) =>
      s.phone !== undefined || s.sms !== undefined || s.chatUrl !== undefined,
    {
      message: "a service needs at least one of phone, sms or chatUrl",
      path: ["phone"],
    },
  );

export const countryDirectorySchema = z.object({
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an upper-case ISO 3166-1 alpha-2 code"),
  countryName: oneLine.max(80),
  /** The number to dial for an ambulance / immediate danger. */
  emergencyNumber: dialString,
  services: z.array(hotlineServiceSchema).min(1),
});

export const directorySchema = z.array(countryDirectorySchema);

/** A directory of helplines (not itself a helpline), for members outside the listed countries. */
export const helplineDirectoryLinkSchema = z.object({
  name: oneLine.max(120),
  description: oneLine.max(200),
  url: httpsUrl,
  sourceUrl: httpsUrl,
  checkedOn: z.iso.date(),
});

export const internationalDirectorySchema = z.object({
  /** Reminder that emergency numbers are local to the member's country. */
  emergencyNote: oneLine.max(300),
  directories: z.array(helplineDirectoryLinkSchema).min(1),
});

export type HotlineService = z.infer<typeof hotlineServiceSchema>;
export type CountryDirectory = z.infer<typeof countryDirectorySchema>;
export type Directory = CountryDirectory[];
export type HelplineDirectoryLink = z.infer<typeof helplineDirectoryLinkSchema>;
export type InternationalDirectory = z.infer<
  typeof internationalDirectorySchema
>;
