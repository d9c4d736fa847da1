import { useModerationScope } from '../api/moderation-actions.js';
import { useGroups } from '../api/community-queries.js';
import { actionsFor } from './action-kinds.js';
import { ActionChooser } from './ActionChooser.js';

/** What the queue's item page gives the actions panel. */
export interface ActionPanelProps {
  itemId: string;
  target: { type: 'post' | 'reply' | 'message' | 'member'; id: string };
  /** The content's status and lock as staff see them now: only the actions that apply are offered. */
  status?: string | null | undefined;
  locked?: boolean | undefined;
  /** The content is anonymous: its author is warned or muted by global moderators only. */
  anonymous?: boolean | undefined;
  /** After an action resolves the item, with the result's words (the queue page goes back to the list and says them). */
  onDone?: (message: string) => void;
}

/**
 * A moderator's actions on a queue item, each with a reason (a template and
 * their own words), hours for a mute or suspension, a group for a move, the
 * words of a content warning, a confirmation for a ban. The result is
 * announced; hiding keeps the item open for the decision, every other action
 * resolves it.
 */
export function ActionPanel({ itemId, target, status, locked, anonymous, onDone }: ActionPanelProps) {
  const scope = useModerationScope();
  const global = scope.data?.global ?? false;
  const groups = useGroups();
  const movable = global ? (groups.data?.groups ?? []).map((group) => ({ slug: group.slug, name: group.name })) : (scope.data?.groups ?? []);
  if (target.type === 'message') {
    return <ActionChooser title="Actions" kinds={['dismiss']} target={{ type: 'message', id: target.id }} itemId={itemId} groups={[]} onDone={(_kind, result) => onDone?.(result.message)} />;
  }
  return (
    <ActionChooser
      title="Actions"
      kinds={actionsFor(target.type, { status: status ?? undefined, locked, anonymous, global: scope.data ? global : true, item: true })}
      target={{ type: target.type, id: target.id }}
      itemId={itemId}
      groups={movable}
      onDone={(kind, result) => {
        if (kind !== 'hide') onDone?.(result.message);
      }}
    />
  );
}
