import { useId, useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button.js';

/**
 * Open and shut state for a button that shows and hides a panel (WAI-ARIA
 * disclosure pattern): the button says aria-expanded and names the panel it controls.
 */
export function useDisclosure(initiallyOpen = false) {
  const [open, setOpen] = useState(initiallyOpen);
  const panelId = `disclosure${useId()}`;
  return {
    open,
    setOpen,
    toggle: () => setOpen((current) => !current),
    buttonProps: { 'aria-expanded': open, 'aria-controls': panelId },
    panelProps: { id: panelId },
  };
}

/** A button and the panel it opens, rendered below it. The panel is not rendered while shut. */
export function Disclosure({
  label,
  openLabel,
  variant = 'secondary',
  initiallyOpen = false,
  className,
  panelClassName,
  children,
}: {
  label: ReactNode;
  /** The button's words while the panel is open ("Hide rules"); the same as `label` by default. */
  openLabel?: ReactNode;
  variant?: ButtonVariant;
  initiallyOpen?: boolean;
  className?: string;
  panelClassName?: string;
  children: ReactNode | ((close: () => void) => ReactNode);
}) {
  const disclosure = useDisclosure(initiallyOpen);
  return (
    <div className={['disclosure', className ?? ''].filter(Boolean).join(' ')}>
      <Button variant={variant} {...disclosure.buttonProps} onClick={disclosure.toggle}>
        {disclosure.open && openLabel ? openLabel : label}
      </Button>
      {disclosure.open ? (
        <div
          {...disclosure.panelProps}
          className={['disclosure__panel', panelClassName ?? ''].filter(Boolean).join(' ')}
        >
          {typeof children === 'function' ? children(() => disclosure.setOpen(false)) : children}
        </div>
      ) : null}
    </div>
  );
}
