/** The date every entry was last checked against its source (ISO). Re-check at least every six months. */
export const CHECKED_ON = "2026-11-22";
