import type { ContentTool, ModeratedContent } from './content-tools.js';
import { useModerateTool } from './ModerateTool.js';
import { useReportTool } from './ReportTool.js';
import { useRevealTool } from './RevealTool.js';

/**
 * Every moderation tool beside a post or reply, in one place: the member's
 * "Report", a moderator's actions, staff's logged reveal. Each tool decides
 * for itself whether it applies to this viewer and this content.
 */
export function useModerationTools(content: ModeratedContent): ContentTool {
  const tools = [useReportTool(content), useModerateTool(content), useRevealTool(content)];
  return { menu: tools.flatMap((tool) => tool.menu), panel: tools.map((tool) => tool.panel) };
}
