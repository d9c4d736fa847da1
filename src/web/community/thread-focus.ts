import { useEffect, useRef } from 'react';

/** The element id of a reply on the thread page: `#reply-<id>`. */
export const replyElementId = (replyId: string) => `reply-${replyId}`;

/** The link to share for one reply: opens its thread at the page holding it. */
export const replyLink = (postId: string, replyId: string) => `/posts/${postId}?reply=${replyId}`;

/**
 * Brings a reply into view and moves focus to it (it carries tabindex=-1). The
 * scroll follows the page's scroll-behavior, smooth only for readers who have
 * not asked for reduced motion.
 */
export function revealReply(replyId: string): boolean {
  const element = document.getElementById(replyElementId(replyId));
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return true;
}

/**
 * Calls `onVisible` when the sentinel comes near the viewport (for loading the
 * next page as the reader scrolls). Watches only while `enabled`; a sentinel
 * still in view when it is enabled again calls once more.
 */
export function useWhenVisible(enabled: boolean, onVisible: () => void) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(onVisible);
  useEffect(() => {
    latest.current = onVisible;
  });
  useEffect(() => {
    const element = sentinel.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    }, { rootMargin: '0px 0px 300px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return sentinel;
}
