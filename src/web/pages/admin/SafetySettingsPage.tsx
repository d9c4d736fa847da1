import { useState, type FormEvent } from 'react';
import type { SafetySettingsResponse } from '../../../shared/api/safety-review.js';
import { ApiError } from '../../api/client.js';
import { useSafetySettings, useUpdateSafetySettings } from '../../api/safety-review.js';
import {
  Button,
  CheckboxField,
  ChoiceChips,
  LoadError,
  Loading,
  Notice,
  PageHeader,
  SwitchField,
  TextAreaField,
  TextField,
} from '../../design/index.js';

/**
 * `/admin/safety`: who the safety team is, how long it has to claim an alert,
 * when escalation reaches admins and the webhook, the second look, and the
 * automatic first reply. Admins only (the API refuses others too).
 */
export function SafetySettingsPage() {
  const settings = useSafetySettings();
  return (
    <div className="admin-page">
      <PageHeader
        eyebrow="Administration"
        title="Safety team settings"
        lead={<p>Who answers alerts, how quickly, and what happens when nobody does.</p>}
      />
      {settings.isPending ? <Loading label="Loading the settings…" /> : null}
      {settings.isError ? (
        <LoadError title="We could not load the settings." error={settings.error} onRetry={settings.refetch} />
      ) : null}
      {settings.data ? <SettingsForm current={settings.data} /> : null}
    </div>
  );
}

interface Draft {
  team: 'everyone' | 'named';
  members: string[];
  defaultDeadlines: boolean;
  imminent: string;
  high: string;
  adminsAfter: string;
  webhookAfter: string;
  secondLook: boolean;
  autoReplyOn: boolean;
  autoReplyText: string;
}

function draftOf({ settings, defaults, staff }: SafetySettingsResponse): Draft {
  // Admins are always on the team: the list names moderators only.
  const moderators = new Set(staff.filter((person) => person.role === 'moderator').map((person) => person.id));
  return {
    team: settings.teamLimitedTo === null ? 'everyone' : 'named',
    members: (settings.teamLimitedTo ?? []).filter((id) => moderators.has(id)),
    defaultDeadlines: settings.deadlineMinutes === null,
    imminent: String(settings.deadlineMinutes?.imminent ?? defaults.deadlineMinutes.imminent),
    high: String(settings.deadlineMinutes?.high ?? defaults.deadlineMinutes.high),
    adminsAfter: String(settings.escalation.adminsAfterMinutes),
    webhookAfter: String(settings.escalation.webhookAfterMinutes),
    secondLook: settings.secondLook,
    autoReplyOn: settings.autoReply.enabled,
    autoReplyText: settings.autoReply.text ?? '',
  };
}

/** A number of minutes, kept as typed: the form checks the range when it is saved. */
function MinutesField({
  label,
  min,
  max,
  step,
  value,
  onChange,
  hint,
}: {
  label: string;
  min: number;
  max: number;
  step?: number;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}) {
  return (
    <TextField
      label={label}
      type="number"
      inputMode="decimal"
      min={min}
      max={max}
      step={step}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      hint={hint}
    />
  );
}

type FieldErrors = Partial<Record<'teamLimitedTo' | 'deadlineMinutes' | 'escalation' | 'autoReply', string>>;

function SettingsForm({ current }: { current: SafetySettingsResponse }) {
  const update = useUpdateSafetySettings();
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((before) => ({ ...before, [key]: value }));
  };
  const { defaults, staff } = current;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const minutes = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
    if (draft.team === 'named' && draft.members.length === 0)
      found.teamLimitedTo = 'Choose at least one moderator, or let everyone on staff be the team.';
    const deadlines = { imminent: minutes(draft.imminent), high: minutes(draft.high) };
    if (
      !draft.defaultDeadlines &&
      (!(deadlines.imminent >= 0.5 && deadlines.imminent <= 60) || !(deadlines.high >= 1 && deadlines.high <= 1440))
    ) {
      found.deadlineMinutes = 'Imminent: between 0.5 and 60 minutes. High: between 1 and 1440 minutes.';
    }
    const escalation = {
      adminsAfterMinutes: minutes(draft.adminsAfter),
      webhookAfterMinutes: minutes(draft.webhookAfter),
    };
    if (
      !(escalation.adminsAfterMinutes >= 0.5 && escalation.adminsAfterMinutes <= 1440) ||
      !(escalation.webhookAfterMinutes >= 0.5 && escalation.webhookAfterMinutes <= 1440)
    ) {
      found.escalation = 'Each interval must be between 0.5 and 1440 minutes.';
    }
    const text = draft.autoReplyText.trim();
    if (text !== '' && (text.length < 20 || text.length > 2000))
      found.autoReply = 'The message must be between 20 and 2000 characters, or empty to use the default.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    update.mutate(
      {
        teamLimitedTo: draft.team === 'everyone' ? null : draft.members,
        deadlineMinutes: draft.defaultDeadlines ? null : deadlines,
        escalation,
        secondLook: draft.secondLook,
        autoReply: { enabled: draft.autoReplyOn, text: text === '' ? null : text },
      },
      {
        onSuccess: (next) => {
          setDraft(draftOf(next));
          setSaved(true);
        },
        onError: (error) => {
          const field = error instanceof ApiError ? error.field?.split('.')[0] : undefined;
          if (field && ['teamLimitedTo', 'deadlineMinutes', 'escalation', 'autoReply'].includes(field))
            setErrors({ [field]: error.message });
        },
      },
    );
  }

  const serverFieldless = update.isError && !(update.error instanceof ApiError && update.error.field);
  return (
    <form className="stack-lg" onSubmit={submit} noValidate>
      <fieldset>
        <legend>The safety team</legend>
        <ChoiceChips
          legend="Who answers safety alerts"
          type="radio"
          name="team"
          options={[
            { value: 'everyone', label: 'Everyone on staff (all moderators and admins)' },
            { value: 'named', label: 'Admins and only the moderators I choose' },
          ]}
          value={[draft.team]}
          onChange={(value) => set('team', (value[0] as Draft['team'] | undefined) ?? 'everyone')}
        />
        {draft.team === 'named' ? (
          <ChoiceChips
            legend="The team"
            hint="Only these moderators, and every admin, see alerts and the review list. Admins are always on the team."
            name="members"
            options={staff
              .filter((person) => person.role === 'moderator')
              .map((person) => ({ value: person.id, label: `@${person.handle} (${person.role})` }))}
            value={draft.members}
            onChange={(value) => set('members', value)}
          />
        ) : null}
        {errors.teamLimitedTo ? <p className="field__error">{errors.teamLimitedTo}</p> : null}
      </fieldset>

      <fieldset>
        <legend>Deadlines to claim an alert</legend>
        <CheckboxField
          label={`Use the defaults (imminent ${defaults.deadlineMinutes.imminent} min, high ${defaults.deadlineMinutes.high} min)`}
          checked={draft.defaultDeadlines}
          onChange={(event) => set('defaultDeadlines', event.currentTarget.checked)}
        />
        {!draft.defaultDeadlines ? (
          <>
            <MinutesField
              label="Imminent, in minutes"
              min={0.5}
              max={60}
              step={0.5}
              value={draft.imminent}
              onChange={(value) => set('imminent', value)}
            />
            <MinutesField label="High, in minutes" min={1} max={1440} value={draft.high} onChange={(value) => set('high', value)} />
          </>
        ) : null}
        {errors.deadlineMinutes ? <p className="field__error">{errors.deadlineMinutes}</p> : null}
      </fieldset>

      <fieldset>
        <legend>Escalation when nobody claims an alert</legend>
        <p className="muted">At the deadline, everyone on duty is told. Then, after these intervals:</p>
        <MinutesField
          label="Tell every admin after (minutes)"
          min={0.5}
          max={1440}
          step={0.5}
          value={draft.adminsAfter}
          onChange={(value) => set('adminsAfter', value)}
        />
        <MinutesField
          label="Then send the webhook after (minutes)"
          min={0.5}
          max={1440}
          step={0.5}
          value={draft.webhookAfter}
          onChange={(value) => set('webhookAfter', value)}
          hint="Only when SAFETY_WEBHOOK_URL is configured."
        />
        {errors.escalation ? <p className="field__error">{errors.escalation}</p> : null}
      </fieldset>

      <fieldset>
        <legend>Second look</legend>
        <SwitchField
          label="A second look at alerts resolved as “not a concern”"
          hint="They go on the review list, so a second person reads them."
          checked={draft.secondLook}
          onChange={(event) => set('secondLook', event.currentTarget.checked)}
        />
      </fieldset>

      <fieldset>
        <legend>Automatic first reply</legend>
        <SwitchField
          label="Reply automatically under high and imminent posts"
          hint="So no crisis thread is empty. It is clearly labelled automatic, and never sent for held posts."
          checked={draft.autoReplyOn}
          onChange={(event) => set('autoReplyOn', event.currentTarget.checked)}
        />
        <TextAreaField
          label="Your own message"
          labelNote="(optional)"
          rows={5}
          maxLength={2000}
          value={draft.autoReplyText}
          onChange={(event) => set('autoReplyText', event.currentTarget.value)}
          error={errors.autoReply}
          hint={
            <>
              Leave empty to use the default: <q>{defaults.autoReplyText}</q> Each reader sees the crisis lines for their own country below
              it.
            </>
          }
        />
      </fieldset>

      <div role="status">{saved ? <Notice tone="success">Safety settings saved.</Notice> : null}</div>
      {serverFieldless ? (
        <Notice tone="danger" live="alert">
          {update.error.message}
        </Notice>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={update.isPending} busyLabel="Saving…">
          Save settings
        </Button>
      </div>
    </form>
  );
}
