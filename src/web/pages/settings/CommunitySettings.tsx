import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { CommunitySettings as Settings } from '../../../shared/api/community.js';
import { updateCommunitySettings } from '../../api/community.js';
import { communityKeys, useCommunitySettings } from '../../api/community-queries.js';
import { TOPIC_OPTIONS, WARNING_TOPIC_OPTIONS } from '../../community/labels.js';
import {
  Alert,
  Button,
  ButtonLink,
  ChoiceChips,
  Loading,
  Notice,
  SelectField,
  SwitchField,
} from '../../design/index.js';
import { SettingsSection } from './SettingsLayout.js';

type Preference = 'hide' | 'collapse' | 'show';

export function CommunitySettings() {
  const settings = useCommunitySettings();
  return (
    <SettingsSection
      title="Community"
      intro={<p>How you post, what you see first, and the topics you told us about.</p>}
    >
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <Alert title="We could not load your settings.">
          <p>{settings.error.message}</p>
        </Alert>
      ) : null}
      {settings.data ? <CommunityForm settings={settings.data} /> : null}
    </SettingsSection>
  );
}

function CommunityForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [anonymous, setAnonymous] = useState(settings.anonymousByDefault);
  const [preferences, setPreferences] = useState<Record<string, Preference>>(settings.contentWarningPreferences);
  const [topics, setTopics] = useState(settings.topics);
  const save = useMutation({
    mutationFn: () =>
      updateCommunitySettings({ anonymousByDefault: anonymous, contentWarningPreferences: preferences, topics }),
    onSuccess: ({ settings: saved }) => {
      queryClient.setQueryData(communityKeys.settings, saved);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };

  return (
    <form className="form community-settings" onSubmit={submit} noValidate>
      {save.isError ? (
        <Alert title="We could not save your settings.">
          <p>{save.error.message}</p>
        </Alert>
      ) : null}
      <fieldset className="settings-group">
        <legend>Anonymity</legend>
        <SwitchField
          id="settings-anonymous"
          label="Post and reply anonymously by default"
          checked={anonymous}
          onChange={(event) => {
            save.reset();
            setAnonymous(event.target.checked);
          }}
          hint={
            <p>
              Anonymous posts and replies show an alias for each thread, like “Quiet Heron”, instead of your handle.
              Only Hearth’s safety team can see who wrote them, and every time they look it is recorded. You can still
              choose each time you write.
            </p>
          }
        />
      </fieldset>

      <fieldset className="settings-group">
        <legend>Content warnings</legend>
        <p className="field__hint">
          For each kind of warning, choose what you see. “Fold” shows the warning with a Show button. “Hide” leaves
          those posts out of your lists, with a note saying how many.
        </p>
        <div className="warning-preferences">
          {WARNING_TOPIC_OPTIONS.map((topic) => (
            <SelectField
              key={topic.value}
              id={`warning-${topic.value}`}
              label={topic.label}
              value={preferences[topic.value] ?? 'collapse'}
              onChange={(event) => {
                save.reset();
                setPreferences((current) => ({ ...current, [topic.value]: event.target.value as Preference }));
              }}
            >
              <option value="collapse">Fold behind the warning</option>
              <option value="hide">Hide these posts</option>
              <option value="show">Show them open</option>
            </SelectField>
          ))}
        </div>
      </fieldset>

      <div className="settings-group">
        <ChoiceChips
          legend="What you are going through"
          hint="Used only to suggest groups. Nobody else sees it."
          name="settings-topics"
          options={TOPIC_OPTIONS}
          value={topics}
          onChange={(next) => {
            save.reset();
            setTopics(next);
          }}
        />
        <p className="community-settings__again">
          <ButtonLink to="/welcome-in" variant="secondary">
            Find groups for me again
          </ButtonLink>
        </p>
      </div>

      <div className="form-actions">
        <Button type="submit" busy={save.isPending} busyLabel="Saving…">
          Save community settings
        </Button>
      </div>
      <div role="status" className="form-status">
        {save.isSuccess ? <Notice tone="success">Your community settings are saved.</Notice> : null}
      </div>
    </form>
  );
}
