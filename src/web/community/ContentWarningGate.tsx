import type { ReactNode } from 'react';
import { Button, useDisclosure, VisuallyHidden } from '../design/index.js';

/**
 * Content behind its warning: the warning always visible, the content shown
 * only when the member asks ("Show", aria-expanded). With `initiallyOpen`
 * (the member chose "show" for these topics) the warning stays as a note.
 */
export function ContentWarningGate({
  warning,
  subject,
  initiallyOpen = false,
  children,
}: {
  warning: string;
  /** What is behind the warning, for screen readers: "the post", "Feeling lost tonight". */
  subject: string;
  initiallyOpen?: boolean;
  children: ReactNode;
}) {
  const disclosure = useDisclosure(initiallyOpen);
  return (
    <div className="content-warning">
      <div className="content-warning__bar">
        <p className="content-warning__text">
          <span className="content-warning__label">Content warning:</span> {warning}
        </p>
        <Button
          variant="secondary"
          className="content-warning__toggle"
          {...disclosure.buttonProps}
          onClick={disclosure.toggle}
        >
          {disclosure.open ? 'Hide' : 'Show'}
          <VisuallyHidden> {subject}</VisuallyHidden>
        </Button>
      </div>
      {disclosure.open ? (
        <div {...disclosure.panelProps} className="content-warning__content">
          {children}
        </div>
      ) : null}
    </div>
  );
}
