import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './Button.js';

/**
 * "Are you sure?" in the flow of the page, not a modal: the question takes
 * focus when it appears, the safe choice is "Cancel", and nothing happens
 * until the member presses the action.
 */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  busyLabel,
  busy = false,
  danger = false,
  onConfirm,
  onCancel,
}: {
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: ReactNode;
  busyLabel?: ReactNode;
  busy?: boolean;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const titleId = `confirm${useId()}`;
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="confirm-panel" role="group" aria-labelledby={titleId}>
      <p ref={heading} id={titleId} className="confirm-panel__title" tabIndex={-1}>
        {title}
      </p>
      {children}
      <div className="cluster">
        <Button variant={danger ? 'danger' : 'primary'} busy={busy} busyLabel={busyLabel} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
