import type { ContentTool, ModeratedContent } from './content-tools.js';

/** "Report" in a post's or reply's menu. Built by the reports part of issue 13. */
export function useReportTool(_content: ModeratedContent): ContentTool {
  return { menu: [], panel: null };
}
