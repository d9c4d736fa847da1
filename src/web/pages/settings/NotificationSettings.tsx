import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationSettings as Settings } from '../../../shared/api/notifications.js';
import { deviceTimeZone, TimeZoneOptions } from '../../account/options.js';
import { ApiError } from '../../api/client.js';
import { notificationKeys, removePushSubscription, savePushSubscription, updateNotificationSettings, useNotificationSettings } from '../../api/notifications.js';
import { Alert, Button, Loading, Notice, SelectField, SwitchField, TextField } from '../../design/index.js';
import { currentSubscription, pushSupported, subscribeThisBrowser } from '../../notifications/push-subscription.js';
import '../../notifications/notifications.css';
import { SettingsSection } from './SettingsLayout.js';

const KIND_LABELS: Record<NotificationKind, string> = {
  reply_to_post: 'Replies to your posts',
  reply_to_reply: 'Replies to your replies',
  reaction: 'Care sent for your words (gathered, never one by one)',
  mention: 'Mentions of you',
  message_request: 'Message requests',
  message: 'Messages',
  join_approved: 'Group join approvals',
  moderation: 'Moderation decisions about you',
  outreach: 'The safety team reaching out',
};

export function NotificationSettings() {
  const settings = useNotificationSettings();
  return (
    <SettingsSection
      title="Notifications"
      intro={<p>What Hearth tells you about, in the app and as browser notifications, and quiet hours when nothing is pushed.</p>}
    >
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <Alert title="We could not load your notification settings.">
          <p>{settings.error.message}</p>
        </Alert>
      ) : null}
      {settings.data ? (
        <>
          <PushPanel settings={settings.data} />
          <NotificationForm settings={settings.data} />
        </>
      ) : null}
    </SettingsSection>
  );
}

function NotificationForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [preferences, setPreferences] = useState(settings.preferences);
  const [quietOn, setQuietOn] = useState(settings.quietHours !== null);
  const [start, setStart] = useState(settings.quietHours?.start ?? '22:00');
  const [end, setEnd] = useState(settings.quietHours?.end ?? '07:00');
  const [timeZone, setTimeZone] = useState(settings.quietHours?.timeZone ?? deviceTimeZone());
  const save = useMutation({
    mutationFn: () => updateNotificationSettings({ preferences, quietHours: quietOn ? { start, end, timeZone } : null }),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.settings, saved),
  });
  const fieldError = (field: string) => (save.error instanceof ApiError && save.error.field === field ? save.error.message : undefined);
  const change = (kind: NotificationKind, channel: 'inApp' | 'push', on: boolean) => {
    save.reset();
    setPreferences((current) => ({ ...current, [kind]: { ...current[kind], [channel]: on } }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isError && !fieldError('quietHours.end') && !fieldError('quietHours.timeZone') ? (
        <Alert title="We could not save your notification settings.">
          <p>{save.error.message}</p>
        </Alert>
      ) : null}
      <fieldset className="settings-group">
        <legend>What you hear about</legend>
        <div className="notification-kinds">
          {NOTIFICATION_KINDS.map((kind) => (
            <fieldset key={kind} className="notification-kinds__row">
              <legend>{KIND_LABELS[kind]}</legend>
              <SwitchField
                id={`notify-${kind}-app`}
                label="In the app"
                checked={settings.alwaysListed.includes(kind) ? true : preferences[kind].inApp}
                disabled={settings.alwaysListed.includes(kind)}
                hint={settings.alwaysListed.includes(kind) ? <p>Always listed, so the team can always reach you.</p> : undefined}
                onChange={(event) => change(kind, 'inApp', event.target.checked)}
              />
              <SwitchField id={`notify-${kind}-push`} label="As a browser notification" checked={preferences[kind].push} onChange={(event) => change(kind, 'push', event.target.checked)} />
            </fieldset>
          ))}
        </div>
      </fieldset>

      <fieldset className="settings-group">
        <legend>Quiet hours</legend>
        <SwitchField
          id="quiet-hours"
          label="Quiet hours"
          checked={quietOn}
          onChange={(event) => {
            save.reset();
            setQuietOn(event.target.checked);
          }}
          hint={<p>Nothing is pushed to your browsers in these hours, except the safety team reaching out. Everything is still listed in the app.</p>}
        />
        {quietOn ? (
          <>
            <div className="quiet-hours__times">
              <TextField id="quiet-start" type="time" label="From" value={start} onChange={(event) => setStart(event.target.value)} />
              <TextField id="quiet-end" type="time" label="Until" value={end} error={fieldError('quietHours.end')} onChange={(event) => setEnd(event.target.value)} />
            </div>
            <SelectField id="quiet-time-zone" label="In the time zone" value={timeZone} error={fieldError('quietHours.timeZone')} onChange={(event) => setTimeZone(event.target.value)}>
              <TimeZoneOptions current={timeZone} />
            </SelectField>
          </>
        ) : null}
      </fieldset>

      <div className="form-actions">
        <Button type="submit" busy={save.isPending} busyLabel="Saving…">
          Save notification settings
        </Button>
      </div>
      <div role="status" className="form-status">
        {save.isSuccess ? <Notice tone="success">Your notification settings are saved.</Notice> : null}
      </div>
    </form>
  );
}

/** Opt-in browser push for this browser: off until the member turns it on here. */
function PushPanel({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const supported = pushSupported();
  const current = useQuery({ queryKey: ['notifications', 'this-browser'], queryFn: currentSubscription, enabled: supported });
  const toggle = useMutation({
    mutationFn: async (on: boolean) => {
      if (on) {
        await savePushSubscription(await subscribeThisBrowser(settings.push.publicKey));
      } else if (current.data) {
        await removePushSubscription(current.data.endpoint);
        await current.data.unsubscribe();
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  const on = Boolean(current.data);
  return (
    <section className="settings-group" aria-labelledby="push-title">
      <h3 id="push-title">Browser notifications</h3>
      {!supported ? (
        <p>This browser cannot show notifications from Hearth. You will still find everything under Notifications.</p>
      ) : (
        <>
          <p>
            {on ? 'On in this browser.' : 'Off in this browser.'} They say only that something happened, like “Someone replied to your post”: never
            what was written or who wrote it, since others may see your screen.
          </p>
          <Button variant="secondary" busy={toggle.isPending} busyLabel="Working…" onClick={() => toggle.mutate(!on)}>
            {on ? 'Turn off in this browser' : 'Turn on in this browser'}
          </Button>
          {toggle.isError ? (
            <Alert title="That did not work.">
              <p>{toggle.error.message}</p>
            </Alert>
          ) : null}
        </>
      )}
    </section>
  );
}
