import type { Role } from '../../../shared/api/accounts.js';

/** Each role in plain words: what it is called and what it allows, shown before an admin confirms a change. */
export const ROLE_LABELS: Record<Role, string> = {
  member: 'Member',
  professional: 'Professional',
  moderator: 'Moderator',
  admin: 'Admin',
};

export const ROLE_ALLOWS: Record<Role, string> = {
  member: 'Reads and writes in the groups they join. No staff powers.',
  professional: 'A member with a professional badge beside their name. No staff powers.',
  moderator:
    'Moderates every group: the moderation queue, actions on posts and members, seeing an anonymous author through the logged reveal, and starting groups. Is on the safety team unless the safety settings name a smaller team.',
  admin:
    'Everything a moderator can, and Hearth’s settings: members’ roles, the crisis line directory, the safety team, archiving groups, and the audit and reveal logs.',
};

export const ROLE_ORDER: readonly Role[] = ['member', 'professional', 'moderator', 'admin'];

const SANCTION_WORDS = { ban: 'Banned', suspend: 'Suspended', mute: 'Muted in a group' } as const;
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** "Suspended until 4 Mar 2026, 09:00 UTC" or "Banned". */
export function sanctionText(sanction: { kind: keyof typeof SANCTION_WORDS; until: string | null }): string {
  const words = SANCTION_WORDS[sanction.kind];
  return sanction.until ? `${words} until ${dateFormat.format(new Date(sanction.until))} UTC` : words;
}

export const joinedText = (iso: string) => `Joined ${dayFormat.format(new Date(iso))}`;
