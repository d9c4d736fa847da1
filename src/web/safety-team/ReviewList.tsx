import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { ReviewDecision, ReviewItem } from '../../shared/api/safety-review.js';
import {
  REVIEW_EVENTS,
  safetyReviewKeys,
  useDecideReview,
  useRefetchOnLive,
  useReviewList,
} from '../api/safety-review.js';
import { useMe } from '../api/queries.js';
import {
  Button,
  ChoiceChips,
  LoadError,
  Loading,
  Notice,
  RelativeTime,
  SelectField,
  TextAreaField,
} from '../design/index.js';
import './safety-team.css';

const DECISIONS: { value: ReviewDecision; label: string }[] = [
  { value: 'fine', label: 'Fine' },
  { value: 'needs_outreach', label: 'Needs outreach' },
  { value: 'raise_to_alert', label: 'Raise to an alert' },
];

const DECIDED: Record<ReviewDecision, string> = {
  fine: 'Marked fine',
  needs_outreach: 'Needs outreach: an alert was opened and claimed',
  raise_to_alert: 'Raised to an alert',
};

/** What kind of item this is, in words. */
export function reviewKindText(item: ReviewItem): string {
  if (item.kind === 'elevated') return 'The assessor was unsure';
  if (item.kind === 'second_look') {
    const by = item.secondLook?.resolvedByHandle;
    return by ? `Second look: resolved as not a concern by @${by}` : 'Second look: resolved as not a concern';
  }
  if (item.kind === 'member_message') return 'A member wrote to the safety team after their alert was resolved';
  if (item.kind === 'report') return 'Reported to the moderators as encouraging self-harm or giving method details';
  return 'A member is worried';
}

const CONTENT_NOUN: Record<ReviewItem['content']['type'], string> = {
  post: 'post',
  reply: 'reply',
  message: 'message',
  checkin: 'check-in',
};

/**
 * The review list: no deadline, a person reads what the assessor was unsure
 * about, second looks and members' worries, oldest first, and decides each.
 * Updates live when anything is added or decided.
 */
export function ReviewList() {
  const list = useReviewList();
  const { data: me } = useMe();
  useRefetchOnLive(safetyReviewKeys.review, REVIEW_EVENTS);
  const [announcement, setAnnouncement] = useState('');
  const openId = useId();
  const recentId = useId();

  if (list.isPending) return <Loading label="Loading the review list…" />;
  if (list.isError)
    return <LoadError title="We could not load the review list." error={list.error} onRetry={list.refetch} />;
  const { open, recent } = list.data;
  return (
    <div className="review-list-block">
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <section aria-labelledby={openId}>
        <h3 id={openId}>
          {open.length === 0
            ? 'Nothing waiting for review'
            : open.length === 1
              ? '1 item to review'
              : `${open.length} items to review`}
        </h3>
        {open.length === 0 ? (
          <p className="muted">When the assessor is unsure, or a member is worried about someone, it shows here.</p>
        ) : null}
        <ul className="review-list">
          {open.map((item) => (
            <li
              key={item.id}
              className="review-item"
              aria-label={`${reviewKindText(item)}: ${item.content.excerpt ?? CONTENT_NOUN[item.content.type]}`}
            >
              <ItemBody item={item} />
              {item.kind === 'worry' && me && item.worry?.reporterHandle === me.handle ? (
                // Four eyes: whoever raised a worry does not decide it (the server refuses too).
                <p className="muted">You raised this worry, so someone else on the team decides it.</p>
              ) : (
                <DecisionForm item={item} onDecided={setAnnouncement} />
              )}
            </li>
          ))}
        </ul>
      </section>
      {recent.length > 0 ? (
        <section aria-labelledby={recentId} className="review-list-block__recent">
          <h3 id={recentId}>Recently reviewed</h3>
          <ul className="review-list">
            {recent.map((item) => (
              <li key={item.id} className="review-item">
                <ItemBody item={item} />
                <p className="review-item__facts">
                  <strong>{item.decision ? DECIDED[item.decision] : 'Reviewed'}</strong>
                  {item.reviewedByHandle ? ` by @${item.reviewedByHandle}` : ''}
                  {item.reviewedAt ? (
                    <>
                      {' '}
                      <RelativeTime iso={item.reviewedAt} />
                    </>
                  ) : null}
                  {item.decisionNote ? `: “${item.decisionNote}”` : ''}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ItemBody({ item }: { item: ReviewItem }) {
  const noun = CONTENT_NOUN[item.content.type];
  return (
    <>
      <h4 className="review-item__kind">
        {reviewKindText(item)}
        {item.kind === 'elevated' && item.level ? ` (assessed ${item.level})` : ''}
      </h4>
      <p className="review-item__words">
        {item.content.excerpt ?? <span className="muted">This {noun} has no words to show.</span>}
      </p>
      <p className="muted review-item__facts">
        A {noun}{' '}
        {item.content.authorHandle
          ? `by @${item.content.authorHandle}`
          : item.content.type === 'message'
            ? 'from a member named only through a logged reveal on an alert'
            : 'written anonymously'}
        , added{' '}
        <RelativeTime iso={item.createdAt} />
        {item.content.link ? (
          <>
            {' · '}
            <Link to={item.content.link}>Read the {item.content.type === 'reply' ? 'thread' : noun}</Link>
          </>
        ) : null}
      </p>
      {item.worry ? (
        <>
          {item.worry.words ? <blockquote className="review-item__quote">“{item.worry.words}”</blockquote> : null}
          <p className="muted review-item__facts">
            Raised by {item.worry.reporterHandle ? `@${item.worry.reporterHandle}` : 'a member who has left'}:{' '}
            {item.worry.history.last30Days === 1 ? '1 worry report' : `${item.worry.history.last30Days} worry reports`}{' '}
            in 30 days, {item.worry.history.markedFine} marked fine.
          </p>
        </>
      ) : null}
      {item.secondLook?.outcomeNote ? (
        <blockquote className="review-item__quote">“{item.secondLook.outcomeNote}”</blockquote>
      ) : null}
    </>
  );
}

function DecisionForm({ item, onDecided }: { item: ReviewItem; onDecided(message: string): void }) {
  const decide = useDecideReview();
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [level, setLevel] = useState<'high' | 'imminent'>('high');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  return (
    <form
      className="review-item__decide stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (!decision) {
          setMissing(true);
          return;
        }
        decide.mutate(
          {
            itemId: item.id,
            decision,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(decision === 'raise_to_alert' ? { level } : {}),
          },
          { onSuccess: () => onDecided(`${DECIDED[decision]}.`) },
        );
      }}
    >
      <ChoiceChips
        legend="Your decision"
        type="radio"
        name={`decision-${item.id}`}
        options={DECISIONS}
        value={decision ? [decision] : []}
        onChange={(value) => {
          setMissing(false);
          setDecision((value[0] as ReviewDecision | undefined) ?? null);
        }}
        hint={
          decision === 'needs_outreach'
            ? 'Opens an alert that you hold, so you can reach out from the dashboard.'
            : decision === 'raise_to_alert'
              ? 'Opens an alert for the team, with the deadline of the level you choose.'
              : undefined
        }
      />
      {missing ? <p className="field__error">Please choose a decision.</p> : null}
      {decision === 'raise_to_alert' ? (
        <SelectField
          label="Alert level"
          value={level}
          onChange={(event) => setLevel(event.currentTarget.value as 'high' | 'imminent')}
        >
          <option value="high">High</option>
          <option value="imminent">Imminent</option>
        </SelectField>
      ) : null}
      <TextAreaField
        label="Note for the team"
        labelNote="(optional)"
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      {decide.isError ? (
        <Notice tone="danger" live="alert">
          {decide.error.message}
        </Notice>
      ) : null}
      <div className="cluster">
        <Button type="submit" busy={decide.isPending} busyLabel="Saving…">
          Save decision
        </Button>
      </div>
    </form>
  );
}
