import type { ContentTool, ModeratedContent } from './content-tools.js';

/** A moderator's actions in a post's or reply's menu. Built by the actions part of issue 13. */
export function useModerateTool(_content: ModeratedContent): ContentTool {
  return { menu: [], panel: null };
}
