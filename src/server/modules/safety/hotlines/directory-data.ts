import type {
  CountryDirectory,
  InternationalDirectory,
} from "../../../../shared/hotlines.js";
import { CHECKED_ON } from "./checked-on.js";
import { AMERICAS } from "./directory-americas.js";
import { EUROPE_WEST } from "./directory-europe-west.js";
import { EUROPE_NORTH_SOUTH_EAST } from "./directory-europe-north-south-east.js";
import { ASIA_PACIFIC_AFRICA } from "./directory-asia-pacific-africa.js";

/**
 * Crisis hotline directory, shown to a member who says they are in crisis.
 *
 * Every service was checked against the page in its `sourceUrl` on `checkedOn`.
 * Services whose number, hours or status could not be confirmed were left out
 * rather than guessed (see the notes on each country and at the end of the file).
 * The page confirming each emergency number is noted in a comment above it.
 *
 * `url` is the service's own site where that could be confirmed; where it could
 * not, it points to the official (usually government) page announcing the
 * service, or failing that to the page that confirmed the facts.
 *
 * Re-check every entry at least every six months: numbers and hours change.
 */

export const hotlineDirectory: CountryDirectory[] = [...AMERICAS, ...EUROPE_WEST, ...EUROPE_NORTH_SOUTH_EAST, ...ASIA_PACIFIC_AFRICA];

/**
 * Fallback for members whose country is not listed above.
 * Find A Helpline (findahelpline.com) and IASP's crisis-centre list could not be
 * confirmed from the stored sources, so only Befrienders Worldwide is listed.
 */
export const internationalDirectory: InternationalDirectory = {
  emergencyNote:
    "Emergency numbers are local: if you are in immediate danger, call the emergency number of the country you are in now (for example 112 in Europe, 911 in North America, 999 in the UK).",
  directories: [
    {
      name: "Befrienders Worldwide",
      description:
        "Global network of emotional support centres; its website lists helplines by country.",
      url: "https://www.befrienders.org",
      sourceUrl: "https://www.befrienders.org/what-we-do",
      checkedOn: CHECKED_ON,
    },
  ],
};
