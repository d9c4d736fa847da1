import { useCallback, useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AlertListItem } from '../../shared/api/safety-alerts.js';
import { ApiError } from '../api/client.js';
import { useMe } from '../api/queries.js';
import { useAlerts } from '../api/safety-alerts.js';
import { Button, Disclosure, LoadError, Loading, Notice, PageHeader, SwitchField } from '../design/index.js';
import { AlertCard } from './AlertCard.js';
import { AlertDetail } from './AlertDetail.js';
import { DutyPanel } from './DutyPanel.js';
import { ReviewList } from './ReviewList.js';
import { LEVEL_LABEL } from './alert-labels.js';
import { useNow } from './use-now.js';
import { useSafetyAnnouncements, useSafetyRefresh, type UrgentNotice } from './use-safety-live.js';
import { playUrgentTone, useUrgentSoundSetting } from './use-urgent-sound.js';
import './alerts.css';

const isStaffRole = (role: string | undefined) => role === 'moderator' || role === 'admin';

function NotForYou() {
  return (
    <div className="safety-dashboard">
      <PageHeader title="Safety" />
      <Notice tone="info" title="This page is for the safety team.">
        <p>
          If you are worried about someone, use "I'm worried about this person" on their post, or see{' '}
          <Link to="/help">Get help now</Link>.
        </p>
      </Notice>
    </div>
  );
}

function UrgentBanner({ urgent, onDismiss }: { urgent: UrgentNotice; onDismiss: () => void }) {
  const level = (LEVEL_LABEL[urgent.level] ?? urgent.level).toLowerCase();
  return (
    <div role="alert" className="urgent-banner">
      <p className="urgent-banner__title">
        Urgent: an {level} alert has waited {urgent.minutesWaiting} minute{urgent.minutesWaiting === 1 ? '' : 's'} and nobody has claimed it.
      </p>
      <div className="urgent-banner__actions">
        {urgent.alertId ? (
          <Link className="button button--primary" to={`/safety?alert=${urgent.alertId}`} onClick={onDismiss}>
            Open the alert
          </Link>
        ) : null}
        <Button variant="quiet" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}

function AlertList({ alerts, selectedId, now, coarse, myHandle }: { alerts: AlertListItem[]; selectedId: string | null; now: number; coarse: boolean; myHandle: string | undefined }) {
  if (alerts.length === 0) return <p className="safety-dashboard__quiet">No open alerts. Thank you for being here.</p>;
  return (
    <ul className="alert-list">
      {alerts.map((alert) => (
        <AlertCard key={alert.id} alert={alert} selected={alert.id === selectedId} now={now} coarse={coarse} myHandle={myHandle} />
      ))}
    </ul>
  );
}

/**
 * The safety dashboard (/safety): open alerts beside the chosen one, updating
 * live. Other parts of the team's work slot in where the comments say
 * (duty, review list; outreach and held content inside AlertDetail).
 */
export function SafetyDashboardPage() {
  const { data: me } = useMe();
  const staff = isStaffRole(me?.role);
  if (!staff) return <NotForYou />;
  return <Dashboard myHandle={me?.handle} isAdmin={me?.role === 'admin'} />;
}

function Dashboard({ myHandle, isAdmin }: { myHandle: string | undefined; isAdmin: boolean }) {
  const [params] = useSearchParams();
  const alerts = useAlerts();
  const { now, reducedMotion } = useNow();
  const [sound, setSound] = useUrgentSoundSetting();
  const onUrgent = useCallback(() => {
    if (sound) playUrgentTone();
  }, [sound]);
  useSafetyRefresh();
  const { announcement, urgent, dismissUrgent } = useSafetyAnnouncements(onUrgent);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const chosen = params.get('alert');
  const firstChoice = useRef(chosen);
  useEffect(() => {
    // A newly chosen alert: its detail takes focus (on a phone it is below the list).
    if (chosen && chosen !== firstChoice.current) detailHeading.current?.focus();
    firstChoice.current = null;
  }, [chosen]);

  if (alerts.error instanceof ApiError && alerts.error.status === 403) return <NotForYou />;
  const open = alerts.data?.alerts ?? [];
  const resolved = alerts.data?.recentlyResolved ?? [];
  // Only an alert someone chose: opening one may reveal an anonymous author (a logged reveal), so never by itself.
  const selectedId = params.get('alert');

  return (
    <div className="safety-dashboard">
      <PageHeader title="Safety" lead="Every alert is a person who needs someone to look. Claim one to let the team know you have it." />
      {urgent ? <UrgentBanner urgent={urgent} onDismiss={dismissUrgent} /> : null}
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <SwitchField
        label="Play a sound for urgent alerts"
        hint="Only in this browser. The banner shows either way."
        checked={sound}
        onChange={(event) => setSound(event.target.checked)}
      />
      <nav aria-label="Safety pages" className="safety-dashboard__pages">
        <Link to="/safety/review">Review list on its own page</Link>
        <Link to="/safety/figures">Figures</Link>
      </nav>
      <section aria-labelledby="safety-duty-heading" className="safety-dashboard__duty">
        <h2 id="safety-duty-heading">On duty</h2>
        <DutyPanel />
      </section>
      <div className="safety-dashboard__columns">
        <section aria-labelledby="safety-open-heading" className="safety-dashboard__list">
          <h2 id="safety-open-heading">
            Open alerts{alerts.data ? ` (${open.length})` : ''}
          </h2>
          {alerts.isPending ? <Loading /> : null}
          {alerts.isError ? <LoadError title="We could not load the alerts." error={alerts.error} onRetry={() => alerts.refetch()} /> : null}
          {alerts.data ? (
            <>
              <AlertList alerts={open} selectedId={selectedId} now={now} coarse={reducedMotion} myHandle={myHandle} />
              {resolved.length > 0 ? (
                <Disclosure label={`Resolved in the last 24 hours (${resolved.length})`} openLabel="Hide resolved alerts" variant="quiet">
                  <AlertList alerts={resolved} selectedId={selectedId} now={now} coarse={reducedMotion} myHandle={myHandle} />
                </Disclosure>
              ) : null}
            </>
          ) : null}
        </section>
        <section aria-labelledby="safety-detail-heading" className="safety-dashboard__detail">
          <h2 id="safety-detail-heading" ref={detailHeading} tabIndex={-1}>
            The alert
          </h2>
          {selectedId ? (
            <AlertDetail key={selectedId} alertId={selectedId} now={now} coarse={reducedMotion} myHandle={myHandle} isAdmin={isAdmin} headingId="safety-detail-heading" />
          ) : (
            <p className="safety-dashboard__quiet">Choose an alert to see it here.</p>
          )}
        </section>
      </div>
      <section aria-labelledby="safety-review-heading" className="safety-dashboard__review">
        <h2 id="safety-review-heading">Review list</h2>
        <ReviewList />
      </section>
    </div>
  );
}
