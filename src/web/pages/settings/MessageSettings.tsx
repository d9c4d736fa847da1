import { useState, type FormEvent } from 'react';
import type { MessageRequestsFrom, MessageSettings as Settings } from '../../../shared/api/direct-messages.js';
import { useMessageSettings, useUpdateMessageSettings } from '../../api/direct-messages.js';
import { Alert, Button, ChoiceChips, Loading, Notice, SwitchField } from '../../design/index.js';
import { SettingsSection } from './SettingsLayout.js';

const WHO_OPTIONS: { value: MessageRequestsFrom; label: string }[] = [
  { value: 'shared_group', label: 'Members of a group where I’ve posted under my name' },
  { value: 'everyone', label: 'Any member' },
  { value: 'nobody', label: 'Nobody' },
];

/** Who may send the member message requests, and the reciprocal read receipts and typing indicators (off by default). */
export function MessageSettings() {
  const settings = useMessageSettings();
  return (
    <SettingsSection title="Messages" intro={<p>Who can ask to message you, and what the people you talk with can see.</p>}>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <Alert title="We could not load your settings.">
          <p>{settings.error.message}</p>
        </Alert>
      ) : null}
      {settings.data ? <MessageSettingsForm settings={settings.data.settings} /> : null}
    </SettingsSection>
  );
}

function MessageSettingsForm({ settings }: { settings: Settings }) {
  const [requestsFrom, setRequestsFrom] = useState(settings.requestsFrom);
  const [readReceipts, setReadReceipts] = useState(settings.readReceipts);
  const [typingIndicators, setTypingIndicators] = useState(settings.typingIndicators);
  const save = useUpdateMessageSettings();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate({ requestsFrom, readReceipts, typingIndicators });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isError ? (
        <Alert title="We could not save your settings.">
          <p>{save.error.message}</p>
        </Alert>
      ) : null}
      <div className="settings-group">
        <ChoiceChips
          legend="Who may send you message requests"
          hint="A first message from someone you have not talked with waits under Requests until you accept it. Hearth’s safety team can always write to you."
          type="radio"
          name="settings-requests-from"
          options={WHO_OPTIONS}
          value={[requestsFrom]}
          onChange={(next) => {
            save.reset();
            if (next[0]) setRequestsFrom(next[0] as MessageRequestsFrom);
          }}
        />
      </div>
      <fieldset className="settings-group">
        <legend>In your conversations</legend>
        <SwitchField
          id="settings-read-receipts"
          label="Read receipts"
          checked={readReceipts}
          onChange={(event) => {
            save.reset();
            setReadReceipts(event.target.checked);
          }}
          hint={<p>Show “Seen” when you have read a message. Shown only with people who have turned it on too.</p>}
        />
        <SwitchField
          id="settings-typing"
          label="Typing indicators"
          checked={typingIndicators}
          onChange={(event) => {
            save.reset();
            setTypingIndicators(event.target.checked);
          }}
          hint={<p>Show when you are typing. Shown only with people who have turned it on too.</p>}
        />
      </fieldset>
      <div className="form-actions">
        <Button type="submit" busy={save.isPending} busyLabel="Saving…">
          Save message settings
        </Button>
      </div>
      <div role="status" className="form-status">
        {save.isSuccess ? <Notice tone="success">Your message settings are saved.</Notice> : null}
      </div>
    </form>
  );
}
