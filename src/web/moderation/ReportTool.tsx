import { useState } from 'react';
import type { ContentTool, ModeratedContent } from './content-tools.js';
import { ReportDialog } from './ReportDialog.js';

/**
 * "Report" in a post's or reply's menu: on everyone else's visible words, never
 * on the viewer's own or on Hearth's automatic messages.
 */
export function useReportTool(content: ModeratedContent): ContentTool {
  const [open, setOpen] = useState(false);
  if (content.author.isYou || content.automatic || content.status !== 'visible') return { menu: [], panel: null };
  const subject = content.contentType === 'post' ? 'this post' : 'this reply';
  return {
    menu: [{ label: 'Report', onSelect: () => setOpen(true) }],
    panel: open ? (
      <ReportDialog key="report" targetType={content.contentType} targetId={content.contentId} subject={subject} onClose={() => setOpen(false)} />
    ) : null,
  };
}
