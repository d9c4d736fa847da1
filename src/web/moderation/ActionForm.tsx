import { useEffect, useId, useRef, useState } from 'react';
import type { ActionKind } from '../../shared/api/moderation.js';
import { REASON_TEMPLATES, type ActionResponse, type ReasonTemplateId } from '../../shared/api/moderation-actions.js';
import { ApiError, messageForField } from '../api/client.js';
import { useTakeAction, type ActionBody } from '../api/moderation-actions.js';
import { Button, CheckboxField, Notice, SelectField, TextAreaField, TextField } from '../design/index.js';
import { ACTION_KIND_VIEWS } from './action-kinds.js';

export interface ActionFormProps {
  kind: ActionKind;
  target: { type: 'post' | 'reply' | 'member' | 'message'; id: string };
  itemId?: string | undefined;
  /** Groups the moderator may move a thread to or mute a member in. */
  groups: { slug: string; name: string }[];
  /** The content's group: not offered as a destination for a move. */
  currentGroupSlug?: string | undefined;
  /** A sanction to lift (from the queue's member history). */
  sanctionId?: string | undefined;
  onDone(result: ActionResponse): void;
  onCancel(): void;
}

/**
 * One moderation action with its reason: a template to start from, then the
 * moderator's own words (what the member reads), plus what the action needs.
 * A ban asks to be confirmed. Errors from the server (a 403 saying why, a
 * 409 when it was already done) show in the form.
 */
export function ActionForm({ kind, target, itemId, groups, currentGroupSlug, sanctionId, onDone, onCancel }: ActionFormProps) {
  const view = ACTION_KIND_VIEWS[kind];
  const take = useTakeAction();
  const titleId = useId();
  const heading = useRef<HTMLParagraphElement>(null);
  const [template, setTemplate] = useState<ReasonTemplateId | ''>('');
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState(kind === 'suspend' ? '72' : '24');
  const destinations = groups.filter((group) => group.slug !== currentGroupSlug);
  const [group, setGroup] = useState(kind === 'move' ? (destinations[0]?.slug ?? '') : (groups[0]?.slug ?? ''));
  const [warning, setWarning] = useState('');
  const [sure, setSure] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  const chooseTemplate = (id: ReasonTemplateId | '') => {
    setTemplate(id);
    const words = REASON_TEMPLATES.find((entry) => entry.id === id)?.words;
    // The template's words are a starting point: they replace the box only while it is empty or untouched.
    if (words && (reason.trim() === '' || REASON_TEMPLATES.some((entry) => entry.words === reason))) setReason(words);
  };

  const body = (): ActionBody => {
    const base = { target, reason: reason.trim(), ...(template ? { reasonTemplate: template } : {}), ...(itemId ? { itemId } : {}) };
    switch (kind) {
      case 'content_warning':
        return { kind, ...base, contentWarning: warning.trim(), contentWarningTopics: [] };
      case 'move':
        return { kind, ...base, toGroup: group };
      case 'mute':
        return { kind, ...base, hours: Number(hours), ...(target.type === 'member' ? { group } : {}) };
      case 'suspend':
        return { kind, ...base, hours: Number(hours) };
      case 'lift':
        return { kind, ...base, sanctionId: sanctionId ?? '' };
      case 'dismiss':
        return { kind, ...base, itemId: itemId ?? '' };
      default:
        return { kind, ...base } as ActionBody;
    }
  };

  const LABELS: Record<string, string> = { reason: 'Your words', hours: 'Hours', toGroup: 'The group', group: 'The group', contentWarning: 'The content warning' };
  const fieldError = (field: string) => (take.error instanceof ApiError && take.error.field?.startsWith(field) ? messageForField(take.error.message, LABELS[field] ?? field) : undefined);
  const formError = take.error && !['reason', 'hours', 'toGroup', 'group', 'contentWarning'].some((field) => fieldError(field)) ? take.error.message : undefined;

  return (
    <form
      className="confirm-panel action-form"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        if (kind === 'ban' && !sure) return;
        take.mutate(body(), { onSuccess: onDone });
      }}
    >
      <p ref={heading} id={titleId} className="confirm-panel__title" tabIndex={-1}>
        {view.label}
      </p>
      <p>{view.explains}</p>
      {kind === 'content_warning' ? (
        <TextField label="Content warning" hint="What readers see before they choose to open it, e.g. “Mentions of self-harm”." maxLength={200} required value={warning} error={fieldError('contentWarning')} onChange={(event) => setWarning(event.currentTarget.value)} />
      ) : null}
      {kind === 'mute' || kind === 'suspend' ? (
        <TextField label="For how many hours" type="number" inputMode="numeric" min={1} max={8760} required value={hours} error={fieldError('hours')} hint="24 is a day, 168 a week." onChange={(event) => setHours(event.currentTarget.value)} />
      ) : null}
      {kind === 'move' || (kind === 'mute' && target.type === 'member') ? (
        <SelectField label={kind === 'move' ? 'Move to' : 'Mute in'} value={group} required error={fieldError(kind === 'move' ? 'toGroup' : 'group')} onChange={(event) => setGroup(event.currentTarget.value)}>
          {(kind === 'move' ? destinations : groups).map((entry) => (
            <option key={entry.slug} value={entry.slug}>
              {entry.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField label="Reason" labelNote="(a starting point)" value={template} onChange={(event) => chooseTemplate(event.currentTarget.value as ReasonTemplateId | '')}>
        <option value="">Choose a reason…</option>
        {REASON_TEMPLATES.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="In your words"
        hint={kind === 'dismiss' ? 'For the moderators’ log.' : 'The member reads this. Be clear and kind.'}
        rows={3}
        maxLength={1000}
        required
        value={reason}
        error={fieldError('reason')}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      {kind === 'ban' ? <CheckboxField label="I am sure: ban this member with no end date" checked={sure} onChange={(event) => setSure(event.currentTarget.checked)} /> : null}
      {formError ? (
        <Notice tone="danger" live="alert">
          {formError}
        </Notice>
      ) : null}
      <div className="cluster">
        <Button type="submit" variant={view.danger ? 'danger' : 'primary'} busy={take.isPending} busyLabel="Working…" disabled={kind === 'ban' && !sure}>
          {view.label}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
