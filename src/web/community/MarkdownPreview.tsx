import type { ReactNode } from 'react';

/**
 * A preview of the Markdown subset members write (paragraphs, line breaks,
 * emphasis, lists, quotes), built as React elements: no HTML string is ever
 * made, so nothing typed here can run. Links show as their text. The server's
 * own renderer (markdown-it + an allowlist) makes the post people will read.
 */
const INLINE = /(\*\*[^*\n]+\*\*|__[^_\n]+__|\*[^*\s][^*\n]*\*|_[^_\s][^_\n]*_|\[[^\]\n]+\]\([^)\s]+\))/;

function inline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, index) => {
    if (index % 2 === 0) return part;
    if (part.startsWith('**') || part.startsWith('__')) return <strong key={index}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('[')) {
      const label = part.slice(1, part.indexOf(']'));
      return (
        <span key={index} className="markdown-preview__link">
          {label}
        </span>
      );
    }
    return <em key={index}>{part.slice(1, -1)}</em>;
  });
}

function withBreaks(lines: string[]): ReactNode[] {
  return lines.flatMap((line, index) => (index === 0 ? inline(line) : [<br key={`br${index}`} />, ...inline(line)]));
}

const BULLET = /^\s*[-*+]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;
const QUOTE = /^\s*>\s?/;

function block(lines: string[], key: number): ReactNode {
  if (lines.every((line) => BULLET.test(line))) {
    return (
      <ul key={key}>
        {lines.map((line, index) => (
          <li key={index}>{inline(line.replace(BULLET, ''))}</li>
        ))}
      </ul>
    );
  }
  if (lines.every((line) => NUMBERED.test(line))) {
    return (
      <ol key={key}>
        {lines.map((line, index) => (
          <li key={index}>{inline(line.replace(NUMBERED, ''))}</li>
        ))}
      </ol>
    );
  }
  if (lines.every((line) => QUOTE.test(line))) {
    return (
      <blockquote key={key}>
        <p>{withBreaks(lines.map((line) => line.replace(QUOTE, '')))}</p>
      </blockquote>
    );
  }
  return <p key={key}>{withBreaks(lines)}</p>;
}

export function MarkdownPreview({ source }: { source: string }) {
  const blocks = source
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
  if (blocks.length === 0) return <p className="muted">Nothing to preview yet.</p>;
  return <div className="content-body markdown-preview">{blocks.map(block)}</div>;
}
