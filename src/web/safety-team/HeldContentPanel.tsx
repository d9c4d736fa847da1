import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { CONTENT_WARNING_TOPICS } from '../../shared/api/community.js';
import { ApiError } from '../api/client.js';
import { decideHeldContent, fetchHeldContent, type HeldContentResponse, type HeldDecisionRequest } from '../api/writer.js';
import { Alert, Button, ChoiceChips, LoadError, RelativeTime, TextAreaField, TextField } from '../design/index.js';

/** The query key of an alert's held content: refetch it when `safety.alert_changed` arrives for the alert. */
export const heldContentKey = (alertId: string) => ['safety', 'alert', alertId, 'held-content'] as const;

type Choice = HeldDecisionRequest['decision'];

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'release', label: 'Release with a content warning' },
  { value: 'keep', label: 'Keep it held' },
  { value: 'ask_edit', label: 'Ask the writer to edit out the details' },
];

const DECIDED: Record<NonNullable<HeldContentResponse['decision']>['decision'], string> = {
  released: 'Released',
  kept: 'Kept held',
  edit_requested: 'Writer asked to edit',
};

/**
 * The safety team's controls for held content behind an alert (issue 11 item
 * 4): release it to the group with a content warning they choose, keep it held,
 * or ask the writer to edit out the method details. The writer is told which in
 * kind words, which staff may edit before sending. Shows nothing for an alert
 * that is not about held content.
 */
export function HeldContentPanel({ alertId }: { alertId: string }) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const held = useQuery({ queryKey: heldContentKey(alertId), queryFn: ({ signal }) => fetchHeldContent(alertId, signal) });
  const [choice, setChoice] = useState<Choice | null>(null);
  const [warningText, setWarningText] = useState('Suicide and self-harm');
  const [topics, setTopics] = useState<string[]>(['suicide', 'self-harm']);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const decide = useMutation({
    mutationFn: (body: HeldDecisionRequest) => decideHeldContent(alertId, body),
    onSuccess: (answer) => {
      queryClient.setQueryData(heldContentKey(alertId), answer);
      setDone(`Done: ${DECIDED[answer.decision!.decision].toLowerCase()}. The writer has been told.`);
      setChoice(null);
      setMessage(null);
    },
  });

  if (held.isPending) return null;
  if (held.isError) return <LoadError title="We could not load the held content" error={held.error} onRetry={() => held.refetch()} />;
  const data = held.data;
  if (!data.contentType || (data.status !== 'held' && !data.decision)) return null;

  const what = data.contentType;
  const defaultFor = (value: Choice) => data.defaultMessages[value];
  const error = decide.error instanceof ApiError ? decide.error : null;
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return;
    const typed = message ?? defaultFor(choice);
    decide.mutate({
      decision: choice,
      ...(choice === 'release' ? { contentWarning: { text: warningText, topics } } : {}),
      ...(typed.trim() !== defaultFor(choice) ? { messageToWriter: typed } : {}),
    });
  };

  return (
    <section className="held-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Held {what}</h3>
      <p>
        {data.status === 'held'
          ? `This ${what} is visible only to its writer and the safety team.`
          : data.status === 'visible'
            ? `This ${what} is visible to the group.`
            : `This ${what} was removed.`}
      </p>
      {data.decision ? (
        <p className="held-panel__decision">
          {DECIDED[data.decision.decision]}
          {data.decision.decidedBy ? ` by ${data.decision.decidedBy}` : ''}, <RelativeTime iso={data.decision.decidedAt} />
          {data.decision.contentWarning ? ` (warning: “${data.decision.contentWarning}”)` : ''}.
        </p>
      ) : null}
      <p role="status" className="held-panel__status">
        {done}
      </p>

      {data.status === 'held' && data.releaseRefused ? <p className="held-panel__note">It cannot be released. {data.releaseRefused}</p> : null}
      {data.status === 'held' ? (
        <form onSubmit={submit} noValidate>
          <ChoiceChips
            legend="What should happen to it?"
            name={`held-choice-${alertId}`}
            type="radio"
            options={data.releaseRefused ? CHOICES.filter((option) => option.value !== 'release') : CHOICES}
            value={choice ? [choice] : []}
            onChange={(value) => {
              setChoice((value[0] as Choice | undefined) ?? null);
              setMessage(null);
              setDone('');
            }}
          />
          {choice === 'release' ? (
            <>
              <TextField
                label="Content warning other members see first"
                value={warningText}
                maxLength={200}
                onChange={(event) => setWarningText(event.target.value)}
                error={fieldError('contentWarning') ?? fieldError('contentWarning.text')}
              />
              <ChoiceChips
                legend="Warning topics (members who fold these see it folded)"
                name={`held-topics-${alertId}`}
                options={CONTENT_WARNING_TOPICS.map((topic) => ({ value: topic.id, label: topic.label }))}
                value={topics}
                onChange={setTopics}
              />
            </>
          ) : null}
          {choice ? (
            <TextAreaField
              label="What the writer reads"
              hint="Kind, plain, no blame, no details of methods. Edit it if you like."
              value={message ?? defaultFor(choice)}
              rows={5}
              maxLength={2000}
              onChange={(event) => setMessage(event.target.value)}
              error={fieldError('messageToWriter')}
            />
          ) : null}
          {error && !error.field?.startsWith('contentWarning') && error.field !== 'messageToWriter' ? <Alert title="That did not work">{error.message}</Alert> : null}
          <Button type="submit" disabled={!choice} busy={decide.isPending} busyLabel="Saving…">
            Decide and tell the writer
          </Button>
        </form>
      ) : null}
    </section>
  );
}
