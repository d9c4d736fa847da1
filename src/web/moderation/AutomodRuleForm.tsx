import { useState, type FormEvent } from 'react';
import {
  AUTOMOD_ACTION_LABELS,
  AUTOMOD_KIND_LABELS,
  type AutomodRuleView,
  type CreateAutomodRuleRequest,
} from '../../shared/api/moderation-automod.js';
import { AUTOMOD_ACTIONS, AUTOMOD_RULE_KINDS, type AutomodAction, type AutomodRuleKind } from '../../shared/api/moderation.js';
import { ApiError } from '../api/client.js';
import { Button, Notice, SelectField, SwitchField, TextAreaField, TextField } from '../design/index.js';

/** What each kind of rule looks for, in a sentence a moderator reads before choosing it. */
const KIND_HINTS: Record<AutomodRuleKind, string> = {
  slurs: 'Identity slurs from a maintained list, also when spelled with numbers, spaces or repeated letters. Swearing is left alone.',
  self_harm_encouragement:
    'Telling someone else to harm themselves (“kys”, “nobody would miss you”). Never a member’s words about their own pain: those go to the safety team.',
  link_limit: 'More links than allowed in one post or reply, from an account younger than the site’s new-account age.',
  rate_limit: 'More posts and replies than allowed in a short time. Never applied to words written in crisis.',
  duplicate: 'The same words posted again by the same member within a short time.',
};

interface Draft {
  kind: AutomodRuleKind;
  name: string;
  action: AutomodAction;
  enabled: boolean;
  extraTerms: string;
  allowedTerms: string;
  maxLinks: string;
  maxPosts: string;
  minutes: string;
}

const lines = (value: unknown) => (Array.isArray(value) ? value.join('\n') : '');
const numberText = (value: unknown, fallback: string) => (typeof value === 'number' ? String(value) : fallback);

function draftOf(rule: AutomodRuleView | undefined): Draft {
  const config = rule?.config ?? {};
  return {
    kind: rule?.kind ?? 'slurs',
    name: rule?.name ?? '',
    action: rule?.action ?? 'hold',
    enabled: rule?.enabled ?? true,
    extraTerms: lines(config.extraTerms),
    allowedTerms: lines(config.allowedTerms),
    maxLinks: numberText(config.maxLinks, '2'),
    maxPosts: numberText(config.maxPosts, '10'),
    minutes: numberText(config.minutes, rule?.kind === 'duplicate' ? '30' : '10'),
  };
}

const termsOf = (text: string) =>
  text
    .split('\n')
    .map((term) => term.trim())
    .filter((term) => term.length > 0);

/** The request for a draft (numbers as typed: the server names a field that does not fit). */
export function requestOf(draft: Draft): CreateAutomodRuleRequest {
  const base = { name: draft.name.trim(), action: draft.action, enabled: draft.enabled };
  switch (draft.kind) {
    case 'slurs':
      return { ...base, kind: 'slurs', config: { extraTerms: termsOf(draft.extraTerms), allowedTerms: termsOf(draft.allowedTerms) } };
    case 'self_harm_encouragement':
      return { ...base, kind: 'self_harm_encouragement', config: {} };
    case 'link_limit':
      return { ...base, kind: 'link_limit', config: { maxLinks: Number(draft.maxLinks) } };
    case 'rate_limit':
      return { ...base, kind: 'rate_limit', config: { maxPosts: Number(draft.maxPosts), minutes: Number(draft.minutes) } };
    case 'duplicate':
      return { ...base, kind: 'duplicate', config: { minutes: Number(draft.minutes) } };
  }
}

/**
 * Adds or edits a rule: its kind (fixed once made), a name members will read,
 * what it does, and the settings of its kind. A field the server refuses is
 * shown beside that field.
 */
export function AutomodRuleForm({
  rule,
  busy,
  error,
  onSave,
  onCancel,
}: {
  rule?: AutomodRuleView;
  busy: boolean;
  error: Error | null;
  onSave: (request: CreateAutomodRuleRequest) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((before) => ({ ...before, [key]: value }));
  const field = error instanceof ApiError ? error.field : undefined;
  const errorFor = (name: string) => (field === name || field === `config.${name}` ? error?.message : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(requestOf(draft));
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={rule ? `Edit the rule ${rule.name}` : 'Add a rule'}>
      {rule ? (
        <p>
          <strong>Kind:</strong> {AUTOMOD_KIND_LABELS[rule.kind]}
        </p>
      ) : (
        <SelectField label="Kind of rule" value={draft.kind} onChange={(event) => set('kind', event.currentTarget.value as AutomodRuleKind)} hint={KIND_HINTS[draft.kind]}>
          {AUTOMOD_RULE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {AUTOMOD_KIND_LABELS[kind]}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label="Name"
        hint="Members whose words match it read this name, so keep it plain and kind."
        value={draft.name}
        maxLength={80}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errorFor('name')}
      />
      <SelectField label="What it does" value={draft.action} onChange={(event) => set('action', event.currentTarget.value as AutomodAction)} error={errorFor('action')}>
        {AUTOMOD_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {AUTOMOD_ACTION_LABELS[action]}
          </option>
        ))}
      </SelectField>
      {draft.kind === 'slurs' ? (
        <>
          <TextAreaField label="Extra terms" labelNote="(optional, one per line)" rows={3} value={draft.extraTerms} onChange={(event) => set('extraTerms', event.currentTarget.value)} error={errorFor('extraTerms')} />
          <TextAreaField
            label="Allowed terms"
            labelNote="(optional, one per line)"
            hint="Words never to catch here, such as a place name or a word this group has reclaimed."
            rows={3}
            value={draft.allowedTerms}
            onChange={(event) => set('allowedTerms', event.currentTarget.value)}
            error={errorFor('allowedTerms')}
          />
        </>
      ) : null}
      {draft.kind === 'link_limit' ? (
        <TextField label="Most links allowed in one post or reply" type="number" inputMode="numeric" min={0} max={50} value={draft.maxLinks} onChange={(event) => set('maxLinks', event.currentTarget.value)} error={errorFor('maxLinks')} />
      ) : null}
      {draft.kind === 'rate_limit' ? (
        <TextField label="Most posts and replies" type="number" inputMode="numeric" min={1} max={500} value={draft.maxPosts} onChange={(event) => set('maxPosts', event.currentTarget.value)} error={errorFor('maxPosts')} />
      ) : null}
      {draft.kind === 'rate_limit' || draft.kind === 'duplicate' ? (
        <TextField label="Within how many minutes" type="number" inputMode="numeric" min={1} value={draft.minutes} onChange={(event) => set('minutes', event.currentTarget.value)} error={errorFor('minutes')} />
      ) : null}
      <SwitchField label="Rule is on" checked={draft.enabled} onChange={(event) => set('enabled', event.currentTarget.checked)} />
      {error && !field ? (
        <Notice tone="danger" live="alert">
          {error.message}
        </Notice>
      ) : null}
      <div className="cluster">
        <Button type="submit" busy={busy} busyLabel="Saving…">
          {rule ? 'Save rule' : 'Add rule'}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
