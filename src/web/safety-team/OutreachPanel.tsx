import { useId, useState, type FormEvent } from 'react';
import { outreachRequestSchema, SAFETY_TEAM_NAME, type StaffMessage } from '../../shared/api/conversations.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../account/forms.js';
import { useAlertConversation, useOutreachTemplates, useSendOutreach } from '../api/conversations.js';
import { Alert, Button, CheckboxField, LoadError, Loading, RelativeTime, SelectField, TextAreaField } from '../design/index.js';
import './outreach.css';

type Field = 'body' | 'signed';
const LABELS: Record<Field, string> = { body: 'Message to the member', signed: 'Sign with my handle' };

function StaffMessageItem({ message }: { message: StaffMessage }) {
  const fromTeam = message.from === 'team';
  const who = fromTeam ? (message.sentBy ? `@${message.sentBy.handle}` : 'A former team member') : 'The member';
  return (
    <li className={`outreach-message${fromTeam ? '' : ' outreach-message--member'}`}>
      <p className="outreach-message__meta">
        <span className="outreach-message__who">{who}</span>
        {fromTeam ? <span> · {message.signed ? 'signed with their handle' : `shown as “${SAFETY_TEAM_NAME}”`}</span> : null}{' '}
        <RelativeTime iso={message.createdAt} />
      </p>
      <p className="outreach-message__body">{message.body}</p>
    </li>
  );
}

/**
 * Outreach on an alert, for the safety dashboard: the member's conversation
 * with the team (live), a template written to safe-messaging guidelines to
 * start from, edited before it goes, and a choice to sign it. Sending claims
 * an unclaimed alert for the sender (the person reaching out holds it).
 */
export function OutreachPanel({ alertId }: { alertId: string }) {
  const id = `outreach${useId()}`;
  const ids: Record<Field, string> = { body: `${id}-body`, signed: `${id}-signed` };
  const conversation = useAlertConversation(alertId);
  const templates = useOutreachTemplates();
  const send = useSendOutreach(alertId);
  const [templateId, setTemplateId] = useState('');
  const [body, setBody] = useState('');
  const [signed, setSigned] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const [status, setStatus] = useState('');

  const pickTemplate = (value: string) => {
    setTemplateId(value);
    const template = templates.data?.templates.find((candidate) => candidate.id === value);
    if (template) setBody(template.body);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    const checked = validate(outreachRequestSchema, { body, signed }, LABELS, { body: 'Please write the message first, or start from a template.' });
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ['body', 'signed'], ids);
      return;
    }
    setErrors(noErrors);
    setStatus('');
    send.mutate(checked.data, {
      onSuccess: ({ claimed }) => {
        setBody('');
        setTemplateId('');
        setStatus(claimed ? 'Sent. You now hold this alert.' : 'Sent.');
      },
      onError: (error) => showErrors(setErrors, errorsFromApi(error, LABELS), ['body', 'signed'], ids, `${id}-error`),
    });
  };

  const messages = conversation.data?.messages ?? [];

  return (
    <section className="outreach-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="outreach-panel__title">
        Reach out to the member
      </h3>
      <h4 className="outreach-panel__subtitle">Conversation</h4>
      {conversation.isPending ? <Loading label="Loading the conversation…" /> : null}
      {conversation.isError ? <LoadError title="We could not load the conversation." error={conversation.error} onRetry={conversation.refetch} /> : null}
      {conversation.data && messages.length === 0 ? <p className="outreach-panel__empty">Nobody has written to this member yet.</p> : null}
      {messages.length > 0 ? (
        <ol className="outreach-panel__messages" aria-label="Messages, newest last">
          {messages.map((message) => (
            <StaffMessageItem key={message.id} message={message} />
          ))}
        </ol>
      ) : null}

      <form className="outreach-panel__form" onSubmit={submit} noValidate aria-label="Send outreach">
        {errors.form ? (
          <Alert id={`${id}-error`} tabIndex={-1} title="The message was not sent.">
            <p>{errors.form}</p>
          </Alert>
        ) : null}
        <SelectField
          label="Start from a template"
          hint="Written to safe-messaging guidelines. Edit it before sending."
          value={templateId}
          onChange={(event) => pickTemplate(event.target.value)}
          disabled={!templates.data}
        >
          <option value="">Choose a template…</option>
          {templates.data?.templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.title}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id={ids.body}
          label={LABELS.body}
          rows={7}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          error={errors.fields.body}
        />
        <CheckboxField
          id={ids.signed}
          label={LABELS.signed}
          error={errors.fields.signed}
          hint={`Off: the member sees “${SAFETY_TEAM_NAME}”, never who wrote it.`}
          checked={signed}
          onChange={(event) => setSigned(event.target.checked)}
        />
        <div className="form-actions">
          <Button type="submit" busy={send.isPending} busyLabel="Sending…">
            Send
          </Button>
        </div>
        <p role="status" className="outreach-panel__status">
          {status}
        </p>
      </form>
    </section>
  );
}
