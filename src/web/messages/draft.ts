/**
 * A message being written is kept in sessionStorage, per conversation, so a
 * reload or a dropped connection never loses what someone wrote on a hard
 * night. It is cleared once the message is sent, and with the tab.
 */
const keyFor = (conversationId: string) => `hearth:message-draft:${conversationId}`;

export function readDraft(conversationId: string): string {
  try {
    return sessionStorage.getItem(keyFor(conversationId)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(conversationId: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(keyFor(conversationId), text);
    else sessionStorage.removeItem(keyFor(conversationId));
  } catch {
    // Storage full or blocked: the draft still lives in the page.
  }
}
