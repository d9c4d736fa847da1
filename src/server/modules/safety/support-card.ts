import type { SupportCard } from '../../../shared/api/safety.js';
import type { Assessment } from '../../../shared/risk.js';
import { isAtLeast } from '../../../shared/risk.js';
import type { Database } from '../../db/index.js';
import { findCountry, internationalFallback } from './hotlines/store.js';

/**
 * Words for the support card, written to safe-messaging guidelines (Samaritans
 * Media Guidelines; #chatsafe; 988 Lifeline safe messaging): acknowledge the
 * feeling without judgement, say help exists and works, name a concrete next
 * step, never argue or lecture, no talk of methods.
 */
const MESSAGES = {
  elevated: 'Thank you for trusting us with this. It sounds really heavy right now, and you don’t have to carry it alone. If it gets harder, the people below are there to listen, day or night.',
  high: 'What you’re feeling matters, and you deserve support right now. Many people who have felt this way found that talking to someone helped them through. A trained listener is a call or a message away, and our team is here for you too.',
  imminent: 'Your safety matters most right now. If you might act on these thoughts, please call the emergency number now, or one of the lines below: you don’t have to explain everything, just say you need help. Our safety team has been alerted too.',
  other: 'It’s kind of you to look out for them. If they are in danger right now, call the emergency number. The services below can also help you support them, and help you with how this is affecting you.',
} as const;

export const HELD_REASON =
  'Your post is visible to you and to our safety team, but not to other members for now, because it describes a way of harming yourself or something that is happening right now. Details like these can put other people who are struggling at risk. You have not done anything wrong, and you are not alone: help is here.';

const INTERNATIONAL_EMERGENCY = '112';

export interface SupportCardInput {
  assessmentId: string;
  assessment: Pick<Assessment, 'level' | 'categories'>;
  countryCode: string | null;
  held: boolean;
  /** Why it is held when not for its words (kept while the writer's posting is paused): HELD_REASON otherwise. */
  heldReason?: string | undefined;
  /**
   * The team's presence for the alert this content raised: null when it raised
   * none; `online: false` when nobody is on safety duty (the card then says so
   * honestly and puts the crisis lines first).
   */
  team?: { online: boolean } | null;
}

/** Said when an alert was raised and nobody from the team is online: honest, and pointing to who is there now. */
export const TEAM_OFFLINE_MESSAGE =
  'Our team is not online right now, so please reach out to one of the crisis lines below: they are there day and night. We will see what you wrote as soon as someone is back.';
const TEAM_ONLINE_MESSAGE = 'Someone from our safety team has been told and will look at this soon.';

/** The high message promises the team is here; when nobody is on duty that is not said. */
const HIGH_WHEN_OFFLINE = 'What you’re feeling matters, and you deserve support right now. Many people who have felt this way found that talking to someone helped them through. A trained listener is a call or a message away.';
const IMMINENT_WHEN_OFFLINE = 'Your safety matters most right now. If you might act on these thoughts, please call the emergency number now, or one of the lines below: you don’t have to explain everything, just say you need help.';

/** The card, or null below `elevated` (none and low add nothing: no pop-ups for ordinary sadness). */
export async function buildSupportCard(db: Database, input: SupportCardInput): Promise<SupportCard | null> {
  const { level, categories } = input.assessment;
  if (!isAtLeast(level, 'elevated')) return null;
  const country = await findCountry(db, input.countryCode);
  const international = internationalFallback();
  const about = categories.length > 0 && categories.every((category) => category === 'concern_for_other') ? 'other' : 'self';
  const offline = input.team?.online === false;
  const message =
    about === 'other'
      ? MESSAGES.other
      : level === 'imminent'
        ? offline
          ? IMMINENT_WHEN_OFFLINE
          : MESSAGES.imminent
        : level === 'high'
          ? offline
            ? HIGH_WHEN_OFFLINE
            : MESSAGES.high
          : MESSAGES.elevated;
  return {
    assessmentId: input.assessmentId,
    level,
    about,
    message,
    emergency: { number: country?.emergencyNumber ?? INTERNATIONAL_EMERGENCY, countryName: country?.countryName ?? null, first: level === 'imminent' },
    countryCode: country?.countryCode ?? null,
    services: country?.services ?? [],
    international: international.directories.map(({ name, url, description }) => ({ name, url, description })),
    held: input.held ? { reason: input.heldReason ?? HELD_REASON } : null,
    actions: [
      { id: 'talk_to_someone', label: 'Talk to someone now' },
      { id: 'safe_for_now', label: 'I’m safe for now' },
    ],
    team: input.team ? { online: input.team.online, message: input.team.online ? TEAM_ONLINE_MESSAGE : TEAM_OFFLINE_MESSAGE } : null,
  };
}
