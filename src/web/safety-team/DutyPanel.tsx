import { useState } from 'react';
import { DUTY_EVENTS, safetyReviewKeys, useDuty, useRefetchOnLive, useSetDuty } from '../api/safety-review.js';
import { ApiError } from '../api/client.js';
import { useMe } from '../api/queries.js';
import { Button, LoadError, Loading, Notice, SwitchField, TextField } from '../design/index.js';
import { formatWallTime, memberTimeZone, nextWallClockTime } from './duty-time.js';
import './safety-team.css';

/**
 * "On duty now: @a, @b (until 23:00)", and the member's own switch, with an
 * optional end time in their time zone. Updates live when anyone's duty changes.
 */
export function DutyPanel() {
  const duty = useDuty();
  const { data: me } = useMe();
  useRefetchOnLive(safetyReviewKeys.duty, DUTY_EVENTS);
  const timeZone = memberTimeZone(me?.timeZone);

  if (duty.isPending) return <Loading label="Loading who is on duty…" />;
  if (duty.isError)
    return <LoadError title="We could not load who is on duty." error={duty.error} onRetry={duty.refetch} />;
  const { onDuty, you } = duty.data;
  return (
    <div className="duty-panel stack">
      <p className="duty-panel__now" aria-live="polite">
        {onDuty.length === 0 ? (
          <>Nobody is on safety duty right now.</>
        ) : (
          <>
            On duty now:{' '}
            {onDuty.map((member, index) => (
              <span key={member.handle}>
                {index > 0 ? ', ' : ''}@{member.handle}
                {member.until ? ` (until ${formatWallTime(member.until, timeZone)})` : ''}
              </span>
            ))}
          </>
        )}
      </p>
      <DutySwitch on={you.on} until={you.until} timeZone={timeZone} />
    </div>
  );
}

function DutySwitch({ on, until, timeZone }: { on: boolean; until: string | null; timeZone: string }) {
  const setDuty = useSetDuty();
  const [endTime, setEndTime] = useState('');
  const [timeError, setTimeError] = useState<string | undefined>();

  // The switch shows the choice at once while it is saved, and goes back if saving fails.
  const [choosing, setChoosing] = useState<boolean | null>(null);
  const save = (body: { on: boolean; until?: string }) => {
    setChoosing(body.on);
    setDuty.mutate(body, { onSettled: () => setChoosing(null) });
  };

  function switchTo(next: boolean) {
    setTimeError(undefined);
    if (!next || endTime === '') {
      save({ on: next });
      return;
    }
    const ends = nextWallClockTime(endTime, timeZone);
    if (!ends) {
      setTimeError('Please give the end time as hours and minutes, like 23:00.');
      return;
    }
    save({ on: true, until: ends.toISOString() });
  }

  const serverError = setDuty.error;
  const serverField = serverError instanceof ApiError ? serverError.field : undefined;
  return (
    <div className="duty-panel__mine stack">
      <SwitchField
        label="I’m on safety duty"
        checked={choosing ?? on}
        onChange={(event) => switchTo(event.currentTarget.checked)}
        hint={on ? undefined : 'You will be shown as on duty to the team, and alerts will count on you.'}
      />
      <p className="muted duty-panel__status" role="status">
        {setDuty.isPending
          ? 'Saving…'
          : on
            ? until
              ? `You are on duty until ${formatWallTime(until, timeZone)}.`
              : 'You are on duty until you switch it off.'
            : ''}
      </p>
      <div className="duty-panel__until">
        <TextField
          label={on ? 'Change the end time' : 'Until'}
          labelNote="(optional)"
          type="time"
          value={endTime}
          onChange={(event) => setEndTime(event.currentTarget.value)}
          hint={`In your time zone (${timeZone}). At most 24 hours ahead; leave empty to stay on until you switch off.`}
          error={timeError ?? (serverField === 'until' ? serverError?.message : undefined)}
        />
        {on && endTime !== '' ? (
          <Button variant="secondary" busy={setDuty.isPending} onClick={() => switchTo(true)}>
            Set end time
          </Button>
        ) : null}
      </div>
      {serverError && serverField !== 'until' ? (
        <Notice tone="danger" live="alert">
          {serverError.message}
        </Notice>
      ) : null}
    </div>
  );
}
