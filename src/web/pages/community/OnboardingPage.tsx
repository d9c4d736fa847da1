import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { updateCommunitySettings, type CommunitySettingsInput } from '../../api/community.js';
import { communityKeys, useCommunitySettings, useGroupSuggestions } from '../../api/community-queries.js';
import { GroupCard } from '../../community/GroupCard.js';
import { TOPIC_OPTIONS } from '../../community/labels.js';
import { Alert, Button, ChoiceChips, Loading, PageHeader } from '../../design/index.js';

/**
 * "What are you going through right now?": topics as chips, groups that fit
 * them, joined in one step that shows the rules. Done or skipped, the member is
 * onboarded and goes home. Reachable again from Settings.
 */
export function OnboardingPage() {
  const settings = useCommunitySettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) {
    return (
      <Alert title="We could not load your settings.">
        <p>{settings.error.message}</p>
      </Alert>
    );
  }
  return <Onboarding initialTopics={settings.data.topics} />;
}

function Onboarding({ initialTopics }: { initialTopics: string[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [topics, setTopics] = useState(initialTopics);
  const suggestions = useGroupSuggestions(topics);
  const save = useMutation({
    mutationFn: (input: CommunitySettingsInput) => updateCommunitySettings(input),
    onSuccess: ({ settings }) => {
      queryClient.setQueryData(communityKeys.settings, settings);
      void navigate('/home');
    },
  });
  const groups = topics.length > 0 ? (suggestions.data?.groups ?? []) : [];

  return (
    <div className="onboarding">
      <PageHeader
        eyebrow="Finding your people"
        title="What are you going through right now?"
        lead={
          <p>
            Pick anything that fits, and we will suggest groups where people talk about it. Nobody else sees what you
            pick, and you can change it any time in Settings.
          </p>
        }
      />

      <ChoiceChips
        legend="Choose any that fit"
        name="onboarding-topics"
        options={TOPIC_OPTIONS}
        value={topics}
        onChange={setTopics}
      />

      <section className="onboarding__suggestions" aria-labelledby="suggested-groups-title">
        <h2 id="suggested-groups-title">Groups for you</h2>
        {topics.length === 0 ? (
          <p className="muted">Choose a topic above to see groups that fit.</p>
        ) : suggestions.isPending ? (
          <Loading label="Finding groups…" />
        ) : suggestions.isError ? (
          <Alert title="We could not find groups just now.">
            <p>{suggestions.error.message}</p>
          </Alert>
        ) : groups.length === 0 ? (
          <p>
            There is no group for that yet. You can still look through <Link to="/groups">every group</Link>, or get
            support from the crisis lines under “Get help now” at any time.
          </p>
        ) : (
          <ul className="group-list" aria-label="Suggested groups">
            {groups.map((group) => (
              <li key={group.id}>
                <GroupCard group={group} withJoin />
              </li>
            ))}
          </ul>
        )}
        <p className="visually-hidden" role="status">
          {topics.length > 0 && suggestions.isSuccess
            ? groups.length === 1
              ? '1 group suggested.'
              : `${groups.length} groups suggested.`
            : ''}
        </p>
      </section>

      {save.isError ? (
        <Alert title="We could not save your choices.">
          <p>{save.error.message}</p>
        </Alert>
      ) : null}
      <div className="form-actions onboarding__actions">
        <Button busy={save.isPending} busyLabel="Saving…" onClick={() => save.mutate({ topics, onboarded: true })}>
          Done
        </Button>
        <Button variant="quiet" onClick={() => !save.isPending && save.mutate({ onboarded: true })}>
          Skip for now
        </Button>
      </div>
    </div>
  );
}
