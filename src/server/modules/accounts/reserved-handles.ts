// Names that would let someone pass as the platform, its staff or the Hearth
// Safety account that writes the automatic first reply.
const RESERVED = new Set([
  'admin', 'administrator', 'anonymous', 'deleted', 'hearth', 'mod', 'moderator', 'moderators', 'null',
  'root', 'safety', 'staff', 'support', 'system', 'team', 'undefined',
]);

/** Words that, beside "hearth", make a name read as the platform speaking ("Hearth_Safety", "HearthTeam2"). */
const OFFICIAL_WORDS = /safety|team|staff|support|admin|mod|official|crisis|help|system/;

/** The handle as a reader takes it in: case, separators and digits do not make a different name. */
function normalise(handle: string): string {
  return handle.toLowerCase().replace(/[^a-z]/g, '');
}

export function isReservedHandle(handle: string): boolean {
  const name = normalise(handle);
  return RESERVED.has(handle.toLowerCase()) || RESERVED.has(name) || (name.includes('hearth') && OFFICIAL_WORDS.test(name));
}
