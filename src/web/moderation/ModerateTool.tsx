import { useState } from 'react';
import { useGroup, useGroups } from '../api/community-queries.js';
import { useThreadContext } from '../community/thread-context.js';
import { useModerationScope } from '../api/moderation-actions.js';
import { useMe } from '../api/queries.js';
import { actionsFor } from './action-kinds.js';
import { ActionChooser, type ActionChooserProps } from './ActionChooser.js';
import type { ContentTool, ModeratedContent } from './content-tools.js';

/**
 * A moderator's actions in a post's or reply's menu: "Moderate this post"
 * opens the same action forms as the queue, for viewers who moderate the
 * content's group: staff, or an active moderator of the group (read from the
 * thread page's post and group, already loaded, so an ordinary reader makes no
 * extra request). Never on one's own words or Hearth's automatic reply. Anonymous
 * content is acted on without ever naming its writer: the server finds them.
 */
export function useModerateTool(content: ModeratedContent): ContentTool {
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const { post } = useThreadContext();
  const groupSlug = content.groupSlug ?? post?.group.slug;
  const group = useGroup(groupSlug);
  const global = me?.role === 'moderator' || me?.role === 'admin';
  const membership = group.data?.group.membership;
  const groupModerator = membership?.role === 'moderator' && membership.status === 'active';
  const applies = (global || groupModerator) && !content.automatic && content.author.isYou !== true && content.status !== 'removed_by_author';
  if (!applies) return { menu: [], panel: null };

  const locked = content.contentType === 'post' ? (content.lockedAt !== undefined ? content.lockedAt !== null : post?.locked) : undefined;
  const noun = content.contentType === 'post' ? 'post' : 'reply';
  return {
    menu: [{ label: `Moderate this ${noun}`, onSelect: () => setOpen(true) }],
    panel: open ? (
      <ModeratePanel
        key="moderate"
        title={`Moderate this ${noun}`}
        kinds={actionsFor(content.contentType, { status: content.status, locked, anonymous: content.author.kind === 'anonymous', global, item: false })}
        target={{ type: content.contentType, id: content.contentId }}
        global={global}
        currentGroupSlug={groupSlug}
        onClose={() => setOpen(false)}
      />
    ) : null,
  };
}

/**
 * The chooser, with the groups a thread may move to: every group for global
 * moderators, the viewer's own moderated groups otherwise (GET
 * /api/moderation/scope, asked only once the panel is opened).
 */
function ModeratePanel({ global, ...props }: Omit<ActionChooserProps, 'groups'> & { global: boolean }) {
  const groups = useGroups();
  const scope = useModerationScope(!global);
  const movable = global ? (groups.data?.groups ?? []).map((group) => ({ slug: group.slug, name: group.name })) : (scope.data?.groups ?? []);
  return <ActionChooser {...props} groups={movable} />;
}
