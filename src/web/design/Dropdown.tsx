import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useDisclosure } from './Disclosure.js';

/**
 * A button that opens a small panel of links and buttons over the page (a
 * disclosure, not an ARIA menu: Tab moves through it like any content).
 * Escape, a click elsewhere or a navigation close it; Escape returns focus to the button.
 */
export function Dropdown({
  label,
  buttonClassName,
  align = 'end',
  children,
}: {
  label: ReactNode;
  buttonClassName?: string;
  align?: 'start' | 'end';
  children: ReactNode | ((close: () => void) => ReactNode);
}) {
  const { open, setOpen, toggle, buttonProps, panelProps } = useDisclosure();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  useEffect(() => setOpen(false), [pathname, setOpen]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, setOpen]);

  return (
    <div
      ref={root}
      className="dropdown"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={['dropdown__button', buttonClassName ?? ''].filter(Boolean).join(' ')}
        {...buttonProps}
        onClick={toggle}
      >
        {label}
        <span className="dropdown__caret" aria-hidden="true" />
      </button>
      {open ? (
        <div {...panelProps} className={`dropdown__panel dropdown__panel--${align}`}>
          {typeof children === 'function' ? children(() => setOpen(false)) : children}
        </div>
      ) : null}
    </div>
  );
}
