import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Reply } from '../../shared/api/community.js';
import { COMMUNITY_LIVE, groupChannelOf, groupPostPayloadSchema, threadChannelOf, threadEventPayloadSchema } from '../../shared/api/community-live.js';
import { communityKeys } from '../api/community-queries.js';
import { useLive } from '../live/LiveProvider.js';
import type { LiveEvent } from '../live/live-client.js';
import { dropReply, hasReply, placeNewReply, replaceReply } from './live-thread.js';
import type { ThreadPages } from './thread-pages.js';

/**
 * A thread, live: new replies land in their place on the pages loaded (or are
 * counted as new when their place is not loaded), and edits, removals and
 * reactions change the replies shown. What the reader is reading never moves:
 * a new reply is only ever added below the replies before it.
 */
export function useLiveThread(postId: string, at: string | undefined) {
  const live = useLive();
  const queryClient = useQueryClient();
  // Replies written meanwhile whose place is not on the pages loaded, oldest first.
  const [unseen, setUnseen] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');

  // Each time the server starts sending the thread, it is read once more: a reply written between the page's
  // first read and the subscription is not missed (later gaps are replayed by the server from the last event id).
  useEffect(
    () => live.follow(threadChannelOf(postId), () => void queryClient.invalidateQueries({ queryKey: communityKeys.thread(postId) })),
    [live, postId, queryClient],
  );

  useEffect(() => {
    const channel = threadChannelOf(postId);
    const viewKey = communityKeys.threadPages(postId, at);
    return live.subscribe((event: LiveEvent) => {
      if (event.channel !== channel) return;
      // Presented for this reader by the server (shared/api/community-live.ts); anything else is read again.
      const parsed = threadEventPayloadSchema.safeParse(event.payload);
      const payload: { postId?: string; reply?: Reply; replyId?: string; gone?: true } = parsed.success ? parsed.data : {};
      if (event.type === COMMUNITY_LIVE.reply && payload.reply) {
        const reply = payload.reply;
        const data = queryClient.getQueryData<ThreadPages>(viewKey);
        if (!data || hasReply(data, reply.id)) return;
        const placed = placeNewReply(data, reply);
        if (placed) {
          queryClient.setQueryData<ThreadPages>(viewKey, placed);
          if (reply.author?.isYou !== true) setAnnouncement('A new reply was added to the thread.');
        } else if (reply.author?.isYou !== true) {
          // Their own reply is opened where it lands by the reply form.
          setUnseen((ids) => (ids.includes(reply.id) ? ids : [...ids, reply.id]));
        }
        return;
      }
      if ((event.type === COMMUNITY_LIVE.replyChanged || event.type === COMMUNITY_LIVE.reactions) && (payload.reply || payload.gone)) {
        const update = (data: ThreadPages | undefined) => {
          if (!data) return data;
          if (payload.gone && payload.replyId) return dropReply(data, payload.replyId);
          return payload.reply ? replaceReply(data, payload.reply) : data;
        };
        queryClient.setQueriesData<ThreadPages>({ queryKey: communityKeys.thread(postId) }, update);
        if (payload.gone && payload.replyId) setUnseen((ids) => ids.filter((id) => id !== payload.replyId));
        return;
      }
      // The post changed (an edit, a removal, a reaction to it): it is read again, as REST presents it.
      if (event.type === COMMUNITY_LIVE.postChanged || event.type === COMMUNITY_LIVE.reactions || !parsed.success) {
        void queryClient.invalidateQueries({ queryKey: communityKeys.thread(postId) });
      }
    });
  }, [live, postId, at, queryClient]);

  const clearUnseen = useCallback(() => setUnseen([]), []);
  return { unseen, clearUnseen, announcement };
}

/**
 * A group page, live: posts written since it was opened are counted, never
 * inserted (the feed the reader is reading does not move); loading them reads
 * the feed again.
 */
export function useLiveGroupPosts(groupId: string | undefined, enabled: boolean) {
  const live = useLive();
  // Kept with the group they belong to: opening another group's page starts from none.
  const [fresh, setFresh] = useState<{ groupId: string | undefined; ids: string[] }>({ groupId: undefined, ids: [] });

  useEffect(() => {
    if (!groupId || !enabled) return;
    const channel = groupChannelOf(groupId);
    const stop = live.follow(channel);
    const unsubscribe = live.subscribe((event) => {
      if (event.channel !== channel || event.type !== COMMUNITY_LIVE.groupPost) return;
      const parsed = groupPostPayloadSchema.safeParse(event.payload);
      // One's own new post is opened by the composer; it is not news to its writer.
      if (!parsed.success || parsed.data.post.author?.isYou === true) return;
      const post = parsed.data.post;
      setFresh((current) => {
        const ids = current.groupId === groupId ? current.ids : [];
        return { groupId, ids: ids.includes(post.id) ? ids : [...ids, post.id] };
      });
    });
    return () => {
      unsubscribe();
      stop();
    };
  }, [live, groupId, enabled]);

  const clear = useCallback(() => setFresh({ groupId: undefined, ids: [] }), []);
  return { count: fresh.groupId === groupId ? fresh.ids.length : 0, clear };
}
