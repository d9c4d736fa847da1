import { useState } from 'react';
import { AUTOMOD_ACTION_LABELS, AUTOMOD_KIND_LABELS, type AutomodRuleView } from '../../shared/api/moderation-automod.js';
import { useAutomodRules, useCreateAutomodRule, useDeleteAutomodRule, useUpdateAutomodRule } from '../api/moderation-automod.js';
import { Badge, Button, Card, ConfirmPanel, LoadError, Loading, Notice } from '../design/index.js';
import { AutomodRuleForm } from './AutomodRuleForm.js';

/** A rule's settings in one line. */
function summary(rule: AutomodRuleView): string {
  const config = rule.config;
  const terms = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  switch (rule.kind) {
    case 'slurs':
      return `${terms(config.extraTerms)} extra terms, ${terms(config.allowedTerms)} allowed terms`;
    case 'self_harm_encouragement':
      return 'Aimed at someone else; never a member’s words about themself';
    case 'link_limit':
      return `More than ${String(config.maxLinks)} links from a new account`;
    case 'rate_limit':
      return `More than ${String(config.maxPosts)} posts and replies in ${String(config.minutes)} minutes`;
    case 'duplicate':
      return `The same words again within ${String(config.minutes)} minutes`;
  }
}

/**
 * The automod rules of the site (no `group`) or of one group: each with what
 * it looks for and does, and for those who may change them, add, edit, turn
 * off or on, and delete (after a confirmation).
 */
export function AutomodRules({ group }: { group?: string }) {
  const rules = useAutomodRules(group);
  const create = useCreateAutomodRule(group);
  const update = useUpdateAutomodRule(group);
  const remove = useDeleteAutomodRule(group);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  if (rules.isPending) return <Loading label="Loading the rules…" />;
  if (rules.isError) return <LoadError title="We could not load the rules." error={rules.error} onRetry={rules.refetch} />;
  const { canEdit } = rules.data;

  return (
    <section className="stack" aria-labelledby="automod-rules-title">
      <h2 id="automod-rules-title">Rules</h2>
      <div role="status">{announcement ? <p className="muted">{announcement}</p> : null}</div>
      {rules.data.rules.length === 0 ? <p>No rules yet.</p> : null}
      <ul className="stack automod-rules" aria-label="Automod rules">
        {rules.data.rules.map((rule) => (
          <li key={rule.id}>
            <Card className="stack-sm">
              <h3>
                {rule.name} {rule.enabled ? null : <Badge>Off</Badge>}
              </h3>
              <p>
                {AUTOMOD_KIND_LABELS[rule.kind]} · {AUTOMOD_ACTION_LABELS[rule.action]}
              </p>
              <p className="muted">{summary(rule)}</p>
              {editing === rule.id ? (
                <AutomodRuleForm
                  rule={rule}
                  busy={update.isPending}
                  error={update.error}
                  onCancel={() => setEditing(null)}
                  onSave={({ kind: _kind, ...patch }) =>
                    update.mutate(
                      { id: rule.id, ...patch },
                      {
                        onSuccess: () => {
                          setEditing(null);
                          setAnnouncement(`Saved the rule “${patch.name}”.`);
                        },
                      },
                    )
                  }
                />
              ) : deleting === rule.id ? (
                <ConfirmPanel
                  title={`Delete the rule “${rule.name}”?`}
                  confirmLabel="Delete rule"
                  busyLabel="Deleting…"
                  busy={remove.isPending}
                  danger
                  onCancel={() => setDeleting(null)}
                  onConfirm={() =>
                    remove.mutate(rule.id, {
                      onSuccess: () => {
                        setDeleting(null);
                        setAnnouncement(`Deleted the rule “${rule.name}”.`);
                      },
                    })
                  }
                >
                  <p>What it already held stays in the queue for a moderator.</p>
                </ConfirmPanel>
              ) : canEdit ? (
                <div className="cluster">
                  <Button variant="secondary" onClick={() => { update.reset(); setEditing(rule.id); }} aria-label={`Edit ${rule.name}`}>
                    Edit
                  </Button>
                  <Button
                    variant="secondary"
                    busy={update.isPending && update.variables?.id === rule.id}
                    onClick={() =>
                      update.mutate(
                        { id: rule.id, enabled: !rule.enabled },
                        { onSuccess: () => setAnnouncement(`The rule “${rule.name}” is now ${rule.enabled ? 'off' : 'on'}.`) },
                      )
                    }
                    aria-label={`${rule.enabled ? 'Turn off' : 'Turn on'} ${rule.name}`}
                  >
                    {rule.enabled ? 'Turn off' : 'Turn on'}
                  </Button>
                  <Button variant="danger" onClick={() => setDeleting(rule.id)} aria-label={`Delete ${rule.name}`}>
                    Delete
                  </Button>
                </div>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
      {remove.isError ? (
        <Notice tone="danger" live="alert">
          {remove.error.message}
        </Notice>
      ) : null}
      {canEdit ? (
        editing === 'new' ? (
          <Card className="stack">
            <h3>A new rule</h3>
            <AutomodRuleForm
              busy={create.isPending}
              error={create.error}
              onCancel={() => setEditing(null)}
              onSave={(request) =>
                create.mutate(request, {
                  onSuccess: () => {
                    setEditing(null);
                    setAnnouncement(`Added the rule “${request.name}”.`);
                  },
                })
              }
            />
          </Card>
        ) : (
          <div>
            <Button onClick={() => { create.reset(); setEditing('new'); }}>Add a rule</Button>
          </div>
        )
      ) : (
        <p className="muted">Only admins can change the site’s rules.</p>
      )}
    </section>
  );
}
