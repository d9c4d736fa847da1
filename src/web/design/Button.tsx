import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

interface ButtonOwnProps {
  variant?: ButtonVariant;
  /** Work in progress: the button stays focusable but ignores presses, and says so. */
  busy?: boolean;
  busyLabel?: ReactNode;
  block?: boolean;
}

export function buttonClass(variant: ButtonVariant = 'primary', block = false, extra?: string): string {
  return ['button', `button--${variant}`, block ? 'button--block' : '', extra ?? ''].filter(Boolean).join(' ');
}

export function Button({
  variant = 'primary',
  busy = false,
  busyLabel,
  block = false,
  className,
  type = 'button',
  onClick,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & ButtonOwnProps) {
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass(variant, block, className)}
      aria-disabled={busy || rest['aria-disabled'] ? true : undefined}
      onClick={(event) => {
        // aria-disabled rather than disabled keeps focus where it was while work runs.
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

export function ButtonLink({
  variant = 'primary',
  block = false,
  className,
  ...rest
}: LinkProps & { variant?: ButtonVariant; block?: boolean }) {
  return <Link {...rest} className={buttonClass(variant, block, className)} />;
}
