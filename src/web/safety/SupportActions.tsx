import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SupportCard } from '../../shared/api/safety.js';
import { recordSupportAction } from '../api/safety.js';
import { Alert, Button } from '../design/index.js';

type ActionId = SupportCard['actions'][number]['id'];

/** For someone worried about another person, the same choices in their words. */
const FOR_A_HELPER: Partial<Record<ActionId, string>> = { safe_for_now: 'They are safe for now' };

/**
 * "Talk to someone now" and "I'm safe for now". The server's answer replaces
 * the buttons in place and is announced (role="status"). After "Talk to
 * someone now" no more buttons: a person is on their way. After "I'm safe for
 * now" the way to a person stays.
 */
export function SupportActions({ card }: { card: SupportCard }) {
  const [chosen, setChosen] = useState<ActionId[]>([]);
  const mutation = useMutation({
    mutationFn: (action: ActionId) => recordSupportAction({ assessmentId: card.assessmentId, action }),
    onSuccess: (_answer, action) => setChosen((current) => [...current, action]),
  });
  const remaining = chosen.includes('talk_to_someone')
    ? []
    : card.actions.filter((action) => !chosen.includes(action.id));

  return (
    <div className="support-actions">
      {remaining.length > 0 ? (
        <p className="support-actions__lead">
          {card.about === 'other'
            ? 'Our safety team can help you help them.'
            : 'Our safety team is here for you too. Tell them how you are:'}
        </p>
      ) : null}
      {remaining.length > 0 ? (
        <div className="support-actions__buttons">
          {remaining.map((action) => (
            <Button
              key={action.id}
              variant={action.id === 'talk_to_someone' ? 'primary' : 'secondary'}
              busy={mutation.isPending && mutation.variables === action.id}
              busyLabel="Sending…"
              onClick={() => !mutation.isPending && mutation.mutate(action.id)}
            >
              {card.about === 'other' ? (FOR_A_HELPER[action.id] ?? action.label) : action.label}
            </Button>
          ))}
        </div>
      ) : null}
      <div role="status" className="support-actions__status">
        {mutation.data ? <p className="support-actions__message">{mutation.data.message}</p> : null}
      </div>
      {mutation.isError ? (
        <Alert title="That did not reach us.">
          <p>
            {mutation.error.message} If you are in danger, please call the emergency number or one of the lines above
            now.
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
