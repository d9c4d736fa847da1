import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Members write a small Markdown subset: paragraphs, emphasis, lists, quotes and
 * links. No raw HTML, no images, no headings. markdown-it renders with HTML off;
 * sanitize-html then enforces the allowlist, so a renderer bug cannot open a hole.
 */
const markdown = new MarkdownIt('zero', { html: false, linkify: true, breaks: true, typographer: false })
  .enable(['paragraph', 'newline', 'emphasis', 'list', 'blockquote', 'link', 'linkify', 'autolink', 'escape', 'entity', 'balance_pairs', 'fragments_join'])
  .disable(['image'], true);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // Links from members are user-generated: never pass ranking, never get an opener.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }),
  },
};

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
}

/** Plain text for excerpts and notifications: no markup at all. */
export function excerptOf(source: string, length = 240): string {
  const plain = sanitizeHtml(markdown.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > length ? `${plain.slice(0, length - 1).trimEnd()}…` : plain;
}
