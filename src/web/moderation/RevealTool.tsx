import type { ContentTool, ModeratedContent } from './content-tools.js';

/** Staff's logged look behind an anonymous author. Built by the staff-screens part of issue 13. */
export function useRevealTool(_content: ModeratedContent): ContentTool {
  return { menu: [], panel: null };
}
