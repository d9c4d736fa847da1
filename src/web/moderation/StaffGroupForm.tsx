import { useState, type FormEvent } from 'react';
import { TOPICS, type Group } from '../../shared/api/community.js';
import { ApiError, messageForField } from '../api/client.js';
import { Button, ChoiceChips, Notice, SwitchField, TextAreaField, TextField } from '../design/index.js';

/** What the group form edits; `slug` only when starting a group (an address never changes). */
export interface GroupDraft {
  slug: string;
  name: string;
  description: string;
  rules: string;
  tags: string[];
  visibility: 'public' | 'private';
  showReactionCounts: boolean;
}

type Field = keyof GroupDraft;
const LABELS: Record<Field, string> = {
  slug: 'Address',
  name: 'Name',
  description: 'Description',
  rules: 'Rules',
  tags: 'Topics',
  visibility: 'Who can read it',
  showReactionCounts: 'Reaction counts',
};

export const emptyDraft: GroupDraft = {
  slug: '',
  name: '',
  description: '',
  rules: '',
  tags: [],
  visibility: 'public',
  showReactionCounts: false,
};

export const draftOf = (group: Group): GroupDraft => ({
  slug: group.slug,
  name: group.name,
  description: group.description,
  rules: group.rules,
  tags: group.tags,
  visibility: group.visibility,
  showReactionCounts: group.showReactionCounts,
});

/** The same limits as createGroupRequestSchema, checked first so the words are kind and beside the field. */
function check(draft: GroupDraft, creating: boolean): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  if (creating && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(draft.slug.trim()))
    found.slug = 'Use lower-case letters, digits and single dashes, like “night-owls”.';
  else if (creating && (draft.slug.trim().length < 3 || draft.slug.trim().length > 48))
    found.slug = 'Use 3 to 48 characters.';
  if (draft.name.trim().length < 3 || draft.name.trim().length > 80)
    found.name = 'Give the group a name of 3 to 80 characters.';
  if (draft.description.trim().length < 10 || draft.description.trim().length > 500)
    found.description = 'Say what the group is for in 10 to 500 characters.';
  if (draft.rules.trim().length < 10 || draft.rules.trim().length > 5000)
    found.rules = 'Write the rules in 10 to 5000 characters.';
  if (draft.tags.length > 8) found.tags = 'Choose at most 8 topics.';
  return found;
}

/** Starting a group or editing one: name, address (new groups), description, rules, topics, visibility. */
export function StaffGroupForm({
  initial,
  creating,
  submitLabel,
  busy,
  error,
  saved,
  onSubmit,
}: {
  initial: GroupDraft;
  creating: boolean;
  submitLabel: string;
  busy: boolean;
  error: Error | null;
  saved?: boolean;
  onSubmit(draft: GroupDraft): void;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const set = <K extends Field>(key: K, value: GroupDraft[K]) => setDraft((before) => ({ ...before, [key]: value }));
  const serverField =
    error instanceof ApiError && error.field && error.field in LABELS ? (error.field as Field) : undefined;
  const errorOf = (field: Field) =>
    errors[field] ?? (serverField === field && error ? messageForField(error.message, LABELS[field]) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft, creating);
    setErrors(found);
    if (Object.keys(found).length === 0 && !busy) onSubmit(draft);
  };

  return (
    <form className="stack-lg staff-group-form" onSubmit={submit} noValidate>
      <TextField
        label="Name"
        value={draft.name}
        maxLength={80}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errorOf('name')}
      />
      {creating ? (
        <TextField
          label="Address"
          hint="The group’s web address: /groups/your-address. Lower-case letters, digits and dashes. It cannot change later."
          value={draft.slug}
          maxLength={48}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          onChange={(event) => set('slug', event.currentTarget.value)}
          error={errorOf('slug')}
        />
      ) : null}
      <TextAreaField
        label="Description"
        hint="One or two sentences: who the group is for. Shown in the group list."
        rows={3}
        maxLength={500}
        value={draft.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={errorOf('description')}
      />
      <TextAreaField
        label="Rules"
        hint="One rule per line, numbered: “1. Be kind.” Members accept them when they join."
        rows={8}
        maxLength={5000}
        value={draft.rules}
        onChange={(event) => set('rules', event.currentTarget.value)}
        error={errorOf('rules')}
      />
      <ChoiceChips
        legend="Topics"
        hint="Up to 8. New members are pointed to groups by the topics they pick."
        name="group-tags"
        options={TOPICS.map((topic) => ({ value: topic.id, label: topic.label }))}
        value={draft.tags}
        onChange={(value) => set('tags', value)}
      />
      {errorOf('tags') ? <p className="field__error">{errorOf('tags')}</p> : null}
      <ChoiceChips
        legend="Who can read it"
        type="radio"
        name="group-visibility"
        options={[
          { value: 'public', label: 'Public: any member can read and join' },
          { value: 'private', label: 'Private: members ask to join and moderators approve' },
        ]}
        value={[draft.visibility]}
        onChange={(value) => set('visibility', value[0] === 'private' ? 'private' : 'public')}
      />
      <SwitchField
        label="Show reaction counts"
        hint="Off: only the author sees how many people reacted, so nobody compares."
        checked={draft.showReactionCounts}
        onChange={(event) => set('showReactionCounts', event.currentTarget.checked)}
      />
      {error && !serverField ? (
        <Notice tone="danger" live="alert">
          {error.message}
        </Notice>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel="Saving…">
          {submitLabel}
        </Button>
      </div>
      <div role="status" className="form-status">
        {saved ? <Notice tone="success">Saved. Members see the changes now.</Notice> : null}
      </div>
    </form>
  );
}
