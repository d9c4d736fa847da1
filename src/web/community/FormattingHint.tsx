/** The Markdown subset members can use, said briefly (server: src/server/modules/posts/markdown.ts). */
export function FormattingHint() {
  return (
    <p>
      Leave a blank line between paragraphs. Write <code>*word*</code> for <em>emphasis</em> and <code>**word**</code>{' '}
      for <strong>strong</strong>. Start lines with <code>-</code> for a list, or with <code>&gt;</code> for a quote.
      Links work as they are.
    </p>
  );
}
