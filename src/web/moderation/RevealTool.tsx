import { useState } from 'react';
import { useMyReveals } from '../api/moderation-staff.js';
import { useMe } from '../api/queries.js';
import type { ContentTool, ModeratedContent } from './content-tools.js';
import { RevealedNotice } from './RevealedNotice.js';
import { RevealForm } from './RevealForm.js';

/**
 * Staff's logged look behind an anonymous author: "See who wrote this (logged)"
 * in the "More" menu of an anonymous post or reply, for site moderators and
 * admins only (the API refuses anyone else). The handle is shown only after a
 * reason is given and recorded, never before, and never to other members.
 * The author of anonymous content sees on it when staff looked, and why.
 */
export function useRevealTool(content: ModeratedContent): ContentTool {
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const anonymous = content.author.kind === 'anonymous' && !content.automatic;
  const own = anonymous && content.author.isYou;
  const mine = useMyReveals(own);
  if (own) {
    const reveal = mine.data?.reveals.find((entry) => entry.contentId === content.contentId);
    return { menu: [], panel: reveal ? <RevealedNotice contentType={content.contentType} reveal={reveal} /> : null };
  }
  const staff = me?.role === 'moderator' || me?.role === 'admin';
  if (!staff || !anonymous) return { menu: [], panel: null };
  return {
    menu: [{ label: 'See who wrote this (logged)', onSelect: () => setOpen(true) }],
    panel: open ? (
      <RevealForm contentType={content.contentType} contentId={content.contentId} onClose={() => setOpen(false)} />
    ) : null,
  };
}
