import type { SearchResponse } from '../../shared/api/community.js';

type Snippet = SearchResponse['groups'][number]['snippet'];

/** A search snippet from its parts: matches in <mark>, all of it as text (never HTML from the server). */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
