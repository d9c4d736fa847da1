import { useState } from 'react';
import { useMe } from '../api/queries.js';
import type { ContentTool, ModeratedContent } from './content-tools.js';
import { RevealForm } from './RevealForm.js';

/**
 * Staff's logged look behind an anonymous author: "See who wrote this (logged)"
 * in the "More" menu of an anonymous post or reply, for site moderators and
 * admins only (the API refuses anyone else). The handle is shown only after a
 * reason is given and recorded, never before, and never to other members.
 */
export function useRevealTool(content: ModeratedContent): ContentTool {
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const staff = me?.role === 'moderator' || me?.role === 'admin';
  const applies = staff && content.author.kind === 'anonymous' && !content.author.isYou && !content.automatic;
  if (!applies) return { menu: [], panel: null };
  return {
    menu: [{ label: 'See who wrote this (logged)', onSelect: () => setOpen(true) }],
    panel: open ? (
      <RevealForm contentType={content.contentType} contentId={content.contentId} onClose={() => setOpen(false)} />
    ) : null,
  };
}
