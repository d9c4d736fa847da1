import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { useAutomodRules, useModerationSettings, useSaveModerationSettings, useSetNewMemberHold } from '../api/moderation-automod.js';
import { Button, LoadError, Loading, Notice, PageHeader, TextField } from '../design/index.js';
import { AutomodRules } from './AutomodRules.js';

/** `/admin/automod`: the site's automod rules and what counts as a new account. Admins only (AdminOnly, and the API). */
export function AutomodAdminPage() {
  return (
    <div className="admin-page stack-lg">
      <PageHeader
        eyebrow="Administration"
        title="Automod"
        lead={
          <p>
            Rules that act on every group as posts and replies are written. Each decision names its rule, to moderators in the queue and
            to the member. Nothing a member writes is lost, and words written in crisis are never held for speed, links or repeats.
          </p>
        }
      />
      <AutomodRules />
      <NewAccountAge />
    </div>
  );
}

function NewAccountAge() {
  const settings = useModerationSettings();
  if (settings.isPending) return <Loading label="Loading the settings…" />;
  if (settings.isError) return <LoadError title="We could not load the settings." error={settings.error} onRetry={settings.refetch} />;
  return <NewAccountAgeForm days={settings.data.settings.newAccountDays} />;
}

function NewAccountAgeForm({ days }: { days: number }) {
  const save = useSaveModerationSettings();
  return (
    <NumberSettingForm
      id="new-account"
      title="New accounts"
      label="An account is new for this many days"
      hint="Link limits apply to new accounts. 0 means no account counts as new."
      max={365}
      initial={days}
      save={save}
      toRequest={(value) => ({ newAccountDays: value })}
    />
  );
}

interface SaveMutation<Request> {
  mutate(request: Request, options: { onSuccess: () => void }): void;
  isPending: boolean;
  isError: boolean;
  error: Error | null;
}

/** One whole number a moderator sets (new-account days, posts held for approval), with its own Save and result. */
function NumberSettingForm<Request>(props: { id: string; title: string; label: string; hint: string; max: number; initial: number; save: SaveMutation<Request>; toRequest: (value: number) => Request }) {
  const { save } = props;
  const [value, setValue] = useState(String(props.initial));
  const [saved, setSaved] = useState(false);
  const fieldError = save.error instanceof ApiError && save.error.field ? save.error.message : undefined;
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate(props.toRequest(Number(value)), { onSuccess: () => setSaved(true) });
  }
  return (
    <section className="stack" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label={props.label}
          hint={props.hint}
          type="number"
          inputMode="numeric"
          min={0}
          max={props.max}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={fieldError}
        />
        <div role="status">{saved ? <Notice tone="success">Saved.</Notice> : null}</div>
        {save.isError && !fieldError && save.error ? (
          <Notice tone="danger" live="alert">
            {save.error.message}
          </Notice>
        ) : null}
        <div>
          <Button type="submit" busy={save.isPending} busyLabel="Saving…">
            Save
          </Button>
        </div>
      </form>
    </section>
  );
}

/** `/groups/:slug/automod`: a group's own rules and its new-members hold, for its moderators and the global moderators. */
export function AutomodGroupPage() {
  const { slug = '' } = useParams();
  const rules = useAutomodRules(slug);
  return (
    <div className="stack-lg">
      <PageHeader
        eyebrow={<Link to={`/groups/${slug}`}>Back to the group</Link>}
        title={rules.data?.group ? `Automod and new members: ${rules.data.group.name}` : 'Automod and new members'}
        lead={<p>This group’s own rules, on top of the site’s. Each decision names its rule, to moderators and to the member.</p>}
      />
      {rules.isPending ? <Loading label="Loading…" /> : null}
      {rules.isError ? <LoadError title="We could not load this group’s moderation settings." error={rules.error} onRetry={rules.refetch} /> : null}
      {rules.data?.group ? (
        <>
          <NewMembersForm slug={slug} current={rules.data.group.holdNewMemberPosts} />
          <AutomodRules group={slug} />
        </>
      ) : null}
    </div>
  );
}

function NewMembersForm({ slug, current }: { slug: string; current: number }) {
  const save = useSetNewMemberHold(slug);
  return (
    <NumberSettingForm
      id="new-members"
      title="New members"
      label="Posts a new member writes here that wait for approval"
      hint="Their first posts in this group wait for a moderator; they are told so kindly. 0 means none wait (up to 20)."
      max={20}
      initial={current}
      save={save}
      toRequest={(value) => value}
    />
  );
}
