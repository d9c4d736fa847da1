import type { ReactNode } from 'react';
import type { Author } from '../../shared/api/community.js';
import type { ContentMenuItem } from '../community/ContentMenu.js';

/** What a post or reply tells the moderation tools beside it (report, moderate, reveal). */
export interface ModeratedContent {
  contentType: 'post' | 'reply';
  contentId: string;
  /** The post's id (a reply's thread). */
  postId: string;
  author: Author;
  status: string;
  /** Written by Hearth itself (the automatic reply): nobody reports or moderates it. */
  automatic: boolean;
  /** A post's lock, for the moderators' lock and unlock. */
  lockedAt?: string | null;
  /** Where the thread lives, for the moderators' move. */
  groupSlug?: string;
}

/** One tool's entries in the "More" menu and the panel it opens (null while closed). */
export interface ContentTool {
  menu: ContentMenuItem[];
  panel: ReactNode;
}
