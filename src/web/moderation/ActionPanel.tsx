/** What the queue's item page gives the actions panel. */
export interface ActionPanelProps {
  itemId: string;
  target: { type: 'post' | 'reply' | 'message' | 'member'; id: string };
  /** After an action resolves the item (the queue page goes back to the list). */
  onDone?: () => void;
}

/** A moderator's actions on a queue item, each with a reason. Built by the actions part of issue 13. */
export function ActionPanel(_props: ActionPanelProps) {
  return null;
}
