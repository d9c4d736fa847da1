import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/**
 * An on/off setting that takes effect as a choice in a form (a checkbox with
 * role="switch", so screen readers say "on" or "off"), with its explanation.
 */
export function SwitchField({
  label,
  hint,
  id,
  className,
  ...input
}: { label: ReactNode; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'role'>) {
  const generated = useId();
  const fieldId = id ?? `switch${generated}`;
  const hintId = `${fieldId}-hint`;
  return (
    <div className={['switch-field', className ?? ''].filter(Boolean).join(' ')}>
      <div className="switch-field__row">
        <input
          {...input}
          id={fieldId}
          type="checkbox"
          role="switch"
          className="switch-field__control"
          aria-describedby={hint ? hintId : undefined}
        />
        <label className="switch-field__label" htmlFor={fieldId}>
          {label}
        </label>
      </div>
      {hint ? (
        <div className="field__hint switch-field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
