import type { ReactNode } from 'react';
import type { AlertDetail } from '../../shared/api/safety-alerts.js';
import { categoryLabel } from './alert-labels.js';

type Evidence = NonNullable<AlertDetail['assessment']>['evidence'][number];

/** The text with the assessor's evidence spans marked; each mark says its signal to a screen reader too. */
export function highlightEvidence(text: string, evidence: readonly Evidence[]): ReactNode[] {
  const spans = [...evidence].filter((span) => span.start < span.end && span.end <= text.length).sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping spans: the first one marks the words
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={`${span.start}-${span.end}`} className="evidence" title={categoryLabel(span.signal)}>
        {text.slice(span.start, span.end)}
        <span className="visually-hidden"> (signal: {categoryLabel(span.signal)})</span>
      </mark>,
    );
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** What the member wrote, as they wrote it (also when it is held from others). */
export function AlertContent({ content, assessment }: { content: NonNullable<AlertDetail['content']>; assessment: AlertDetail['assessment'] }) {
  const evidence = assessment?.evidence ?? [];
  const marked = content.evidenceMatchesText && evidence.length > 0;
  return (
    <div className="alert-content">
      {content.status === 'held' ? <p className="alert-content__held">Held from other members (method details).</p> : null}
      {content.status === 'removed_by_author' ? <p className="alert-content__held">Deleted by its writer: kept for the safety team while this is open.</p> : null}
      <blockquote className="alert-content__text">{marked ? highlightEvidence(content.assessedText, evidence) : content.assessedText}</blockquote>
      {evidence.length > 0 && !content.evidenceMatchesText ? (
        <p className="alert-content__note">
          Edited after it was assessed, so the words are not marked. The assessor's signals: {[...new Set(evidence.map((span) => categoryLabel(span.signal)))].join(', ')}.
        </p>
      ) : null}
    </div>
  );
}
