/**
 * Which replies a thread shows to every reader: the visible ones, and every
 * reply above a visible one (a removed or held reply stays as a neutral
 * placeholder while something below it is shown, so the replies under it keep
 * their context). A reply with nothing shown below it leaves no trace: neither
 * removing nor holding it may tell others it was there.
 *
 * Recursive on purpose (review finding 12): a removed reply whose only answer
 * was removed too is not shown. Its SQL twin is `shownRepliesCte` in
 * queries.ts, which the thread counters use.
 */
export function shownReplyIds(replies: readonly { id: string; parentId: string | null; status: string }[]): Set<string> {
  const parentOf = new Map(replies.map((reply) => [reply.id, reply.parentId]));
  const shown = new Set<string>();
  for (const reply of replies) {
    if (reply.status !== 'visible') continue;
    // Walk up until a reply already known to be shown: each reply is visited once.
    let id: string | null | undefined = reply.id;
    while (id && !shown.has(id)) {
      shown.add(id);
      id = parentOf.get(id);
    }
  }
  return shown;
}
