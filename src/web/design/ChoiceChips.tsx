import type { ReactNode } from 'react';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
}

/**
 * A group of choices shown as chips: real checkboxes (pick any) or radios (pick
 * one) inside a fieldset with its legend, so keyboard and screen readers work
 * as with any form control. A chosen chip shows a tick, not only a colour.
 */
export function ChoiceChips({
  legend,
  hint,
  name,
  type = 'checkbox',
  options,
  value,
  onChange,
  legendClassName,
  className,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  name: string;
  type?: 'checkbox' | 'radio';
  options: readonly ChoiceOption[];
  /** The chosen values (one at most for radios). */
  value: readonly string[];
  onChange(value: string[]): void;
  legendClassName?: string;
  className?: string;
}) {
  const hintId = `${name}-hint`;
  const toggle = (option: string, checked: boolean) => {
    if (type === 'radio') onChange(checked ? [option] : []);
    else onChange(checked ? [...value, option] : value.filter((chosen) => chosen !== option));
  };
  return (
    <fieldset
      className={['choice-chips', className ?? ''].filter(Boolean).join(' ')}
      aria-describedby={hint ? hintId : undefined}
    >
      <legend className={legendClassName}>{legend}</legend>
      {hint ? (
        <div className="field__hint choice-chips__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <div className="choice-chips__list">
        {options.map((option) => {
          const checked = value.includes(option.value);
          return (
            <label key={option.value} className="chip">
              <input
                className="chip__input"
                type={type}
                name={name}
                value={option.value}
                checked={checked}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <span className="chip__face">
                <span className="chip__tick" aria-hidden="true">
                  {checked ? '✓' : ''}
                </span>
                {option.label}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
