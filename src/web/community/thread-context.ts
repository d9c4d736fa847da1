import { createContext, useContext } from 'react';
import type { Post } from '../../shared/api/community.js';
import type { SupportEntry } from '../safety/support-store.js';

/** What every reply in a thread needs from the page around it. */
export interface ThreadContextValue {
  postId: string;
  /** The thread's post, once loaded (its group and whether it is locked, for the tools beside each reply). */
  post: Post | undefined;
  /** The member may write here (an active member of an open group). */
  canParticipate: boolean;
  defaultAnonymous: boolean;
  /** The viewer wrote the post anonymously. */
  postedAnonymouslyByYou: boolean;
  /** The viewer's own post is held for review: what they write under it is kept with it (only they and staff see it). */
  yourPostHeld: boolean;
  /** Which reply has its reply box open, if any. */
  replyingTo: string | null;
  setReplyingTo(replyId: string | null): void;
  /** A support card arrived for this assessment: show it and move focus to it. */
  onSupport(assessmentId: string): void;
  /** Load the thread again (after blocking someone in it). */
  refresh(): void;
  /** Something to say in the thread's status line. */
  announce(message: string): void;
  /** A reply just written: shown where it is if loaded, else the page holding it is opened, with focus on it. */
  showReply(replyId: string): void;
  /** The reply the thread was opened at (a link to it, or "Jump to newest"): marked calmly. */
  targetReply: string | null;
  /** The reply focus is moved to (tabindex=-1): the one opened at, or the first of those a button loaded. */
  focusReply: string | null;
  /** Support cards given in this session, for the reasons on held content. */
  support: SupportEntry[];
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);

export function useThreadContext(): ThreadContextValue {
  const value = useContext(ThreadContext);
  if (!value) throw new Error('useThreadContext must be used inside a thread page');
  return value;
}
