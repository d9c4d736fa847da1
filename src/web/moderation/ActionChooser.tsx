import { useEffect, useRef, useState } from 'react';
import type { ActionKind } from '../../shared/api/moderation.js';
import type { ActionResponse } from '../../shared/api/moderation-actions.js';
import { Button, Notice } from '../design/index.js';
import { ACTION_KIND_VIEWS } from './action-kinds.js';
import { ActionForm, type ActionFormProps } from './ActionForm.js';
import './moderation-actions.css';

export interface ActionChooserProps extends Omit<ActionFormProps, 'kind' | 'onDone' | 'onCancel'> {
  kinds: ActionKind[];
  /** After an action succeeds (the result is announced here first). */
  onDone?: (kind: ActionKind, result: ActionResponse) => void;
  onClose?: () => void;
  title?: string;
}

/**
 * The moderator's actions as a row of buttons; choosing one opens its form in
 * place, and the result is announced politely where the form was.
 */
export function ActionChooser({ kinds, onDone, onClose, title = 'Moderate', ...form }: ActionChooserProps) {
  const [chosen, setChosen] = useState<ActionKind | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) done.current?.focus();
  }, [result]);

  if (chosen) {
    return (
      <ActionForm
        {...form}
        kind={chosen}
        onCancel={() => setChosen(null)}
        onDone={(response) => {
          setChosen(null);
          setResult(response.message);
          onDone?.(chosen, response);
        }}
      />
    );
  }
  return (
    <section className="confirm-panel action-chooser" aria-label={title}>
      <p className="confirm-panel__title">{title}</p>
      <div ref={done} tabIndex={-1} role="status">
        {result ? <Notice tone="success">{result}</Notice> : null}
      </div>
      <ul className="cluster action-chooser__list">
        {kinds.map((kind) => (
          <li key={kind}>
            <Button variant={ACTION_KIND_VIEWS[kind].danger ? 'danger' : 'secondary'} onClick={() => setChosen(kind)}>
              {ACTION_KIND_VIEWS[kind].label}
            </Button>
          </li>
        ))}
      </ul>
      {onClose ? (
        <Button variant="quiet" onClick={onClose}>
          Close
        </Button>
      ) : null}
    </section>
  );
}
