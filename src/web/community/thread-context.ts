import { createContext, useContext } from 'react';
import type { SupportEntry } from '../safety/support-store.js';

/** What every reply in a thread needs from the page around it. */
export interface ThreadContextValue {
  postId: string;
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
  /** Support cards given in this session, for the reasons on held content. */
  support: SupportEntry[];
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);

export function useThreadContext(): ThreadContextValue {
  const value = useContext(ThreadContext);
  if (!value) throw new Error('useThreadContext must be used inside a thread page');
  return value;
}
