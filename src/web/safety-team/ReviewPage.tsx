import { Link } from 'react-router';
import { useMe } from '../api/queries.js';
import { Notice, PageHeader } from '../design/index.js';
import { DutyPanel } from './DutyPanel.js';
import { ReviewList } from './ReviewList.js';
import './safety-team.css';

const isStaff = (role: string | undefined) => role === 'moderator' || role === 'admin';

/**
 * `/safety/review`: the review list on a page of its own (the dashboard at
 * `/safety` shows it too), with who is on duty. Staff only; the API refuses
 * everyone else (and staff left off a limited team) as well.
 */
export function ReviewPage() {
  const { data: me } = useMe();
  if (!isStaff(me?.role)) {
    return (
      <div className="review-page">
        <PageHeader title="Review list" />
        <Notice tone="info" title="This page is for the safety team.">
          <p>
            If you are worried about someone, use “I’m worried about this person” in the menu of their post. If you need
            help yourself, <Link to="/help">Get help now</Link> has people you can talk to.
          </p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="review-page">
      <PageHeader
        eyebrow={<Link to="/safety">Safety dashboard</Link>}
        title="Review list"
        lead={
          <p>
            No deadline here: a person reads what the assessor was unsure about, second looks, and members’ worries.
          </p>
        }
      />
      <section className="review-page__section" aria-labelledby="duty-title">
        <h2 id="duty-title">On duty</h2>
        <DutyPanel />
      </section>
      <section className="review-page__section" aria-labelledby="review-title">
        <h2 id="review-title">To review</h2>
        <ReviewList />
      </section>
    </div>
  );
}
