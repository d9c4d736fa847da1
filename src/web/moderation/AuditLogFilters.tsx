import { useState, type FormEvent } from 'react';
import type { AuditFilters } from '../api/moderation-logs.js';
import { Button, SelectField, TextField } from '../design/index.js';

const FIELDS = ['action', 'actor', 'targetType', 'targetId', 'from', 'to'] as const;

/**
 * The audit log's filters. Applying them puts them in the address (so a search
 * can be shared with another admin and survives a reload); the server checks
 * them and a bad one is shown beside its field.
 */
export function AuditLogFilters({
  filters,
  actions,
  targetTypes,
  fieldErrors,
  onApply,
}: {
  filters: AuditFilters;
  actions: readonly string[];
  targetTypes: readonly string[];
  fieldErrors: Partial<Record<keyof AuditFilters, string>>;
  onApply: (filters: AuditFilters) => void;
}) {
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const set = (key: keyof AuditFilters) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: AuditFilters = {};
    for (const key of FIELDS) {
      const value = draft[key]?.trim();
      if (value) next[key] = value;
    }
    onApply(next);
  };
  // An action or target type typed into the address that is not in the log yet still shows as chosen.
  const actionOptions = filters.action && !actions.includes(filters.action) ? [filters.action, ...actions] : actions;
  const typeOptions = filters.targetType && !targetTypes.includes(filters.targetType) ? [filters.targetType, ...targetTypes] : targetTypes;
  return (
    <form className="audit-filters" onSubmit={submit} aria-label="Filter the audit log" noValidate>
      <SelectField label="Action" value={draft.action ?? ''} onChange={set('action')} error={fieldErrors.action}>
        <option value="">All actions</option>
        {actionOptions.map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
      </SelectField>
      <TextField label="Done by (a staff handle)" value={draft.actor ?? ''} onChange={set('actor')} error={fieldErrors.actor} autoComplete="off" spellCheck={false} />
      <SelectField label="Target type" value={draft.targetType ?? ''} onChange={set('targetType')} error={fieldErrors.targetType}>
        <option value="">Any target</option>
        {typeOptions.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </SelectField>
      <TextField label="Target id" value={draft.targetId ?? ''} onChange={set('targetId')} error={fieldErrors.targetId} autoComplete="off" spellCheck={false} />
      <TextField label="From" labelNote="(UTC day)" type="date" value={draft.from ?? ''} onChange={set('from')} error={fieldErrors.from} />
      <TextField label="To" labelNote="(UTC day, included)" type="date" value={draft.to ?? ''} onChange={set('to')} error={fieldErrors.to} />
      <div className="audit-filters__actions">
        <Button type="submit">Search</Button>
        <Button
          variant="quiet"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          Clear filters
        </Button>
      </div>
    </form>
  );
}
