import { describe, it, expect } from "vitest";
import {
  countryDirectorySchema,
  directorySchema,
  hotlineServiceSchema,
  internationalDirectorySchema,
} from "../../../../shared/hotlines.js";
import { hotlineDirectory, internationalDirectory } from "./directory-data.js";

/** Every URL-valued field in an entry, with a label for failure messages. */
function urlsOf(
  entry: Record<string, unknown>,
  label: string,
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const key of ["url", "sourceUrl", "chatUrl"] as const) {
    const value = entry[key];
    if (typeof value === "string") out.push([`${label}.${key}`, value]);
  }
  return out;
}

describe("hotline directory data", () => {
  it("parses every country entry with the zod schema", () => {
    for (const country of hotlineDirectory) {
      const result = countryDirectorySchema.safeParse(country);
      expect(
        result.success,
        `${country.countryCode}: ${JSON.stringify(result.error?.issues)}`,
      ).toBe(true);
    }
    expect(directorySchema.safeParse(hotlineDirectory).success).toBe(true);
  });

  it("parses every service with the service schema", () => {
    for (const country of hotlineDirectory) {
      for (const service of country.services) {
        const result = hotlineServiceSchema.safeParse(service);
        expect(
          result.success,
          `${country.countryCode} / ${service.name}: ${JSON.stringify(result.error?.issues)}`,
        ).toBe(true);
      }
    }
  });

  it("parses the international fallback", () => {
    const result = internationalDirectorySchema.safeParse(
      internationalDirectory,
    );
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(internationalDirectory.emergencyNote).toMatch(/emergency number/i);
  });

  it("has unique, upper-case ISO 3166-1 alpha-2 country codes", () => {
    const codes = hotlineDirectory.map((c) => c.countryCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it("covers at least 30 countries", () => {
    expect(hotlineDirectory.length).toBeGreaterThanOrEqual(30);
  });

  it("gives every country an emergency number and at least one service", () => {
    for (const country of hotlineDirectory) {
      expect(country.emergencyNumber.trim(), country.countryCode).not.toBe("");
      expect(country.services.length, country.countryCode).toBeGreaterThan(0);
    }
  });

  it("gives every service a way to reach it (phone, sms or chat)", () => {
    for (const country of hotlineDirectory) {
      for (const s of country.services) {
        expect(
          Boolean(s.phone ?? s.sms ?? s.chatUrl),
          `${country.countryCode} / ${s.name}`,
        ).toBe(true);
      }
    }
  });

  it("uses https for every URL", () => {
    const urls: Array<[string, string]> = [];
    for (const country of hotlineDirectory) {
      for (const s of country.services)
        urls.push(...urlsOf(s, `${country.countryCode} / ${s.name}`));
    }
    for (const d of internationalDirectory.directories)
      urls.push(...urlsOf(d, `international / ${d.name}`));

    expect(urls.length).toBeGreaterThan(0);
    for (const [label, value] of urls) {
      expect(new URL(value).protocol, label).toBe("https:");
    }
  });

  it("records a plausible check date on every entry", () => {
    const dates = [
      ...hotlineDirectory.flatMap((c) => c.services.map((s) => s.checkedOn)),
      ...internationalDirectory.directories.map((d) => d.checkedOn),
    ];
    for (const date of dates) {
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(date))).toBe(false);
    }
  });
});
