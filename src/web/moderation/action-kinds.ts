import type { ActionKind } from '../../shared/api/moderation.js';

/** How each action reads on its button and in its form, and what the form asks for. */
export interface ActionKindView {
  label: string;
  /** One sentence saying what happens, shown at the top of the form. */
  explains: string;
  danger?: boolean;
  /** Site-wide sanctions: global moderators and admins only. */
  globalOnly?: boolean;
}

export const ACTION_KIND_VIEWS: Record<ActionKind, ActionKindView> = {
  content_warning: { label: 'Add a content warning', explains: 'Readers see the warning first and choose whether to open it.' },
  hide: { label: 'Hide while you look', explains: 'Hidden from members until a moderator removes or restores it. Its writer is told.' },
  remove: { label: 'Remove', explains: 'Members see “no longer available” instead. Its writer is told why and how to appeal.', danger: true },
  restore: { label: 'Restore', explains: 'Everyone can read it again. Its writer is told.' },
  approve: { label: 'Approve', explains: 'Held for approval or by an automatic rule: everyone can read it once approved.' },
  lock: { label: 'Lock thread', explains: 'The thread can be read but takes no new replies.' },
  unlock: { label: 'Unlock thread', explains: 'The thread takes replies again.' },
  move: { label: 'Move thread', explains: 'Moves the thread to another group you moderate.' },
  warn: { label: 'Warn the writer', explains: 'A warning with your reason, in the app. Nothing else changes.' },
  mute: { label: 'Mute in the group', explains: 'The member can read but not post, reply or react in the group until the time ends.' },
  suspend: { label: 'Suspend', explains: 'The member can read but not post, reply, react or join groups anywhere until the time ends.', danger: true, globalOnly: true },
  ban: { label: 'Ban', explains: 'The member can no longer post, reply, react or join groups, with no end. They can still read, appeal, and reach the safety team.', danger: true, globalOnly: true },
  lift: { label: 'Lift a sanction', explains: 'Ends a mute, suspension or ban now.' },
  dismiss: { label: 'Dismiss with no action', explains: 'Closes the item. Reporters are told a moderator looked and left it up.' },
};

/** The actions offered for a kind of target (the server refuses any that does not apply now, saying why). */
export function actionsFor(targetType: 'post' | 'reply' | 'member' | 'message', options: { status?: string | undefined; locked?: boolean | undefined; anonymous?: boolean | undefined; global: boolean; item: boolean }): ActionKind[] {
  // The author of anonymous content is warned or muted by global moderators only (the server refuses others alike).
  const sanctions: ActionKind[] = options.anonymous && !options.global ? [] : ['warn', 'mute', ...(options.global ? (['suspend', 'ban'] as const) : [])];
  const dismiss: ActionKind[] = options.item ? ['dismiss'] : [];
  if (targetType === 'member') return [...sanctions, ...dismiss];
  if (targetType === 'message') return dismiss;
  const status = options.status;
  const content: ActionKind[] = [];
  if (status === undefined || status === 'visible') content.push('content_warning', 'hide', 'remove');
  if (status === undefined || status === 'held') content.push('approve', 'restore', 'remove');
  if (status === 'removed_by_staff') content.push('restore');
  if (targetType === 'post') {
    if (options.locked === undefined) content.push('lock', 'unlock');
    else content.push(options.locked ? 'unlock' : 'lock');
    content.push('move');
  }
  return [...new Set([...content, ...sanctions, ...dismiss])];
}
