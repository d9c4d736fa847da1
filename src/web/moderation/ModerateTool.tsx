import { useState } from 'react';
import { useGroups, useThread } from '../api/community-queries.js';
import { useModerationScope } from '../api/moderation-actions.js';
import { useMe } from '../api/queries.js';
import { actionsFor } from './action-kinds.js';
import { ActionChooser, type ActionChooserProps } from './ActionChooser.js';
import type { ContentTool, ModeratedContent } from './content-tools.js';

/**
 * A moderator's actions in a post's or reply's menu: "Moderate" opens the same
 * action forms as the queue, for viewers who moderate the content's group
 * (GET /api/moderation/scope; nobody, until it answers). Never on one's own
 * words or Hearth's automatic reply. The author stays as shown: anonymous
 * content is acted on without ever naming its writer.
 */
export function useModerateTool(content: ModeratedContent): ContentTool {
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const scope = useModerationScope(Boolean(me));
  const thread = useThread(content.postId);
  const global = scope.data?.global ?? false;
  const groupSlug = content.groupSlug ?? thread.data?.post.group.slug;
  const inScope = Boolean(scope.data?.moderates) && (global || scope.data?.groups.some((group) => group.slug === groupSlug) === true);
  const applies = inScope && !content.automatic && content.author.isYou !== true && content.status !== 'removed_by_author';
  if (!applies) return { menu: [], panel: null };

  const locked = content.contentType === 'post' ? (content.lockedAt !== undefined ? content.lockedAt !== null : thread.data?.post.locked) : undefined;
  const noun = content.contentType === 'post' ? 'post' : 'reply';
  return {
    menu: [{ label: `Moderate this ${noun}`, onSelect: () => setOpen(true) }],
    panel: open ? (
      <ModeratePanel
        key="moderate"
        title={`Moderate this ${noun}`}
        kinds={actionsFor(content.contentType, { status: content.status, locked, global, item: false })}
        target={{ type: content.contentType, id: content.contentId }}
        global={global}
        scopeGroups={scope.data?.groups ?? []}
        currentGroupSlug={groupSlug}
        onClose={() => setOpen(false)}
      />
    ) : null,
  };
}

/** The chooser, with the groups a thread may move to (every group for global moderators; loaded only when opened). */
function ModeratePanel({ global, scopeGroups, ...props }: Omit<ActionChooserProps, 'groups'> & { global: boolean; scopeGroups: { slug: string; name: string }[] }) {
  const groups = useGroups();
  const movable = global ? (groups.data?.groups ?? []).map((group) => ({ slug: group.slug, name: group.name })) : scopeGroups;
  return <ActionChooser {...props} groups={movable} />;
}
