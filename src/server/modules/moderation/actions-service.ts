import type { ActionRequest, ActionResponse } from '../../../shared/api/moderation-actions.js';
import type { Deps } from '../../deps.js';
import { forbidden } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session-service.js';
import type { Actor } from './actions-permissions.js';
import { performAction } from './actions-perform.js';
import { moderationScope } from './moderator-scope.js';

type ActionDeps = Pick<Deps, 'db' | 'live' | 'clock'>;

/** The viewer as a moderator: refused at once when they moderate nothing. */
export async function requireActor(deps: Pick<Deps, 'db' | 'clock'>, auth: AuthContext): Promise<Actor> {
  const scope = await moderationScope(deps.db, auth.user, deps.clock.now());
  if (scope !== 'all' && scope.length === 0) throw forbidden('Only moderators can take moderation actions.');
  return { id: auth.user.id, role: auth.user.role, scope };
}

const DONE: Record<ActionRequest['kind'], string> = {
  content_warning: 'The content warning is set.',
  hide: 'Hidden while you look at it. Remove or restore it to finish.',
  remove: 'Removed.',
  restore: 'Restored: everyone can read it again.',
  approve: 'Approved: everyone can read it now.',
  lock: 'The thread is locked.',
  unlock: 'The thread is unlocked.',
  move: 'The thread is moved.',
  warn: 'The warning is sent.',
  mute: 'The member is muted in the group.',
  suspend: 'The member is suspended.',
  ban: 'The member is banned.',
  lift: 'Lifted.',
  dismiss: 'Dismissed: the reporters are told it was looked at.',
};

/** `POST /api/moderation/actions`: one action with its reason, in one transaction; events after commit. */
export async function takeAction(deps: ActionDeps, auth: AuthContext, request: ActionRequest): Promise<ActionResponse> {
  const actor = await requireActor(deps, auth);
  const now = deps.clock.now();
  const done = await deps.db.transaction((tx) => performAction(tx, { live: deps.live, now, actor }, request, { notify: true, resolveItems: true }));
  await deps.live.announce(done.events);
  const told = request.kind === 'dismiss' ? '' : ' The member is told what was done, why, and how to appeal.';
  return {
    action: { id: done.actionId, kind: request.kind, until: done.until?.toISOString() ?? null, createdAt: done.createdAt.toISOString() },
    message: `${DONE[request.kind]}${told}`,
  };
}
