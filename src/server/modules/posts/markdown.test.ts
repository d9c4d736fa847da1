import { describe, expect, it } from 'vitest';
import { excerptOf, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders the subset: paragraphs, emphasis, lists, quotes and links', () => {
    const html = renderMarkdown('Hello *you* and **all**\n\n- one\n- two\n\n> a quote\n\n[a link](https://example.org)');
    expect(html).toContain('<em>you</em>');
    expect(html).toContain('<strong>all</strong>');
    expect(html).toContain('<ul>\n<li>one</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">a link</a>');
  });

  it('never lets raw HTML, scripts or images through', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> ![pic](https://example.org/a.png) <b>bold</b>');
    expect(html).not.toMatch(/<script|<img|<b>|<[a-z][^>]*\sonerror=/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops javascript: links and headings', () => {
    const html = renderMarkdown('[click](javascript:alert(1))\n\n# Big');
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('<a');
    expect(html).not.toContain('<h1>');
  });

  it('links bare addresses with the safe rel', () => {
    expect(renderMarkdown('see https://example.org/help')).toContain('rel="nofollow ugc noopener"');
  });
});

describe('excerptOf', () => {
  it('gives plain text, shortened', () => {
    expect(excerptOf('**Hi** there <b>x</b>', 100)).toBe('Hi there <b>x</b>');
    expect(excerptOf('word '.repeat(100), 20)).toHaveLength(20);
  });
});
