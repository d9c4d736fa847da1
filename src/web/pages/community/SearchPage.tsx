import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCommunitySettings, useSearch } from '../../api/community-queries.js';
import { AuthorName } from '../../community/AuthorName.js';
import { ContentWarningGate } from '../../community/ContentWarningGate.js';
import { warningText, warningTreatment } from '../../community/content-warnings.js';
import { plural } from '../../community/labels.js';
import { SnippetText } from '../../community/SnippetText.js';
import { Alert, Button, Loading, PageHeader, RelativeTime, TextField } from '../../design/index.js';

/** Search across the posts, replies and groups the member may see. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [draft, setDraft] = useState(q);
  const [error, setError] = useState<string | undefined>();
  const results = useSearch(q);
  const settings = useCommunitySettings();
  const preferences = settings.data?.contentWarningPreferences;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    if (next.length < 2) {
      setError('Please type at least 2 characters.');
      document.getElementById('search-q')?.focus();
      return;
    }
    setError(undefined);
    setParams({ q: next });
  };

  const found = results.data;
  const total = found ? found.results.length + found.groups.length : 0;

  return (
    <div className="search-page">
      <PageHeader
        title="Search"
        lead={<p>Find posts, replies and groups. Only what you can already see is searched.</p>}
      />
      <form onSubmit={submit} noValidate className="search-form" role="search" aria-label="Search Hearth">
        <TextField
          id="search-q"
          label="Search for"
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          error={error}
          enterKeyHint="search"
        />
        <Button type="submit">Search</Button>
      </form>

      <p role="status" className="search-page__status">
        {q && found
          ? total === 0
            ? `Nothing found for “${q}”.`
            : `${plural(total, 'result', 'results')} for “${q}”.`
          : ''}
      </p>
      {q && results.isPending ? <Loading label="Searching…" /> : null}
      {results.isError ? (
        <Alert title="We could not search just now.">
          <p>{results.error.message}</p>
        </Alert>
      ) : null}

      {found && found.groups.length > 0 ? (
        <section aria-labelledby="search-groups-title" className="search-page__section">
          <h2 id="search-groups-title">Groups</h2>
          <ul className="search-results">
            {found.groups.map((group) => (
              <li key={group.slug} className="search-result">
                <h3 className="search-result__title">
                  <Link to={`/groups/${group.slug}`}>{group.name}</Link>
                </h3>
                <p className="search-result__snippet">
                  <SnippetText snippet={group.snippet} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {found && found.results.length > 0 ? (
        <section aria-labelledby="search-posts-title" className="search-page__section">
          <h2 id="search-posts-title">Posts and replies</h2>
          <ul className="search-results">
            {found.results.map((result) => (
              <li key={result.replyId ?? result.postId} className="search-result">
                <h3 className="search-result__title">
                  <Link to={`/posts/${result.postId}`}>
                    {result.type === 'reply' ? `A reply in “${result.title}”` : result.title}
                  </Link>
                </h3>
                <p className="search-result__meta small">
                  <AuthorName author={result.author} verb={result.type === 'reply' ? 'replied' : 'posted'} />
                  <span aria-hidden="true"> · </span>
                  in <Link to={`/groups/${result.group.slug}`}>{result.group.name}</Link>
                  <span aria-hidden="true"> · </span>
                  <RelativeTime iso={result.createdAt} />
                </p>
                {warningText(result) ? (
                  // Words behind a warning (the author's, or staff's on a reply they released) are folded as in the thread.
                  <ContentWarningGate
                    warning={warningText(result)}
                    subject={result.type === 'reply' ? `the words of a reply in “${result.title}”` : `the words of “${result.title}”`}
                    initiallyOpen={warningTreatment(result, preferences) === 'show'}
                  >
                    <p className="search-result__snippet">
                      <SnippetText snippet={result.snippet} />
                    </p>
                  </ContentWarningGate>
                ) : (
                  <p className="search-result__snippet">
                    <SnippetText snippet={result.snippet} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
