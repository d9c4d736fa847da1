import {
  useId,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/**
 * Form fields: a visible label, an optional hint and an error, wired with
 * aria-describedby and aria-invalid so a screen reader reads them with the field.
 */
interface FieldOwnProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shown after the label, e.g. "(optional)". */
  labelNote?: ReactNode;
  /** Extra ids to describe the control (a live character count, say). */
  describedBy?: string;
  className?: string;
}

function describe(
  hintId: string | undefined,
  errorId: string | undefined,
  extra: string | undefined,
): string | undefined {
  const ids = [errorId, hintId, extra].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldShell({
  id,
  label,
  labelNote,
  hint,
  hintId,
  error,
  errorId,
  className,
  children,
  after,
}: {
  id: string;
  label: ReactNode;
  labelNote?: ReactNode;
  hint?: ReactNode;
  hintId: string;
  error?: string | undefined;
  errorId: string;
  className?: string | undefined;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
        {labelNote ? <span className="field__label-note"> {labelNote}</span> : null}
      </label>
      {hint ? (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="field__error-icon" aria-hidden="true">
            !
          </span>
          {error}
        </p>
      ) : null}
      {children}
      {after}
    </div>
  );
}

function useFieldIds(id: string | undefined) {
  const generated = useId();
  const fieldId = id ?? `field${generated}`;
  return { fieldId, hintId: `${fieldId}-hint`, errorId: `${fieldId}-error` };
}

export function TextField({
  label,
  hint,
  error,
  labelNote,
  describedBy,
  className,
  id,
  ref,
  ...input
}: FieldOwnProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const { fieldId, hintId, errorId } = useFieldIds(id);
  return (
    <FieldShell {...{ id: fieldId, label, labelNote, hint, hintId, error, errorId, className }}>
      <input
        type="text"
        {...input}
        ref={ref}
        id={fieldId}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describe(hint ? hintId : undefined, error ? errorId : undefined, describedBy)}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  labelNote,
  describedBy,
  className,
  id,
  after,
  ref,
  ...textarea
}: FieldOwnProps &
  TextareaHTMLAttributes<HTMLTextAreaElement> & { after?: ReactNode; ref?: Ref<HTMLTextAreaElement> }) {
  const { fieldId, hintId, errorId } = useFieldIds(id);
  return (
    <FieldShell {...{ id: fieldId, label, labelNote, hint, hintId, error, errorId, className, after }}>
      <textarea
        rows={4}
        {...textarea}
        ref={ref}
        id={fieldId}
        className="field__control field__control--textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describe(hint ? hintId : undefined, error ? errorId : undefined, describedBy)}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  hint,
  error,
  labelNote,
  describedBy,
  className,
  id,
  children,
  ref,
  ...select
}: FieldOwnProps & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  const { fieldId, hintId, errorId } = useFieldIds(id);
  return (
    <FieldShell {...{ id: fieldId, label, labelNote, hint, hintId, error, errorId, className }}>
      <div className="field__select">
        <select
          {...select}
          ref={ref}
          id={fieldId}
          className="field__control"
          aria-invalid={error ? true : undefined}
          aria-describedby={describe(hint ? hintId : undefined, error ? errorId : undefined, describedBy)}
        >
          {children}
        </select>
      </div>
    </FieldShell>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  className,
  id,
  ref,
  ...input
}: Omit<FieldOwnProps, 'labelNote' | 'describedBy'> &
  InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const { fieldId, hintId, errorId } = useFieldIds(id);
  return (
    <div className={['checkbox', error ? 'checkbox--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="field__error-icon" aria-hidden="true">
            !
          </span>
          {error}
        </p>
      ) : null}
      <div className="checkbox__row">
        <input
          {...input}
          ref={ref}
          type="checkbox"
          id={fieldId}
          className="checkbox__control"
          aria-invalid={error ? true : undefined}
          aria-describedby={describe(hint ? hintId : undefined, error ? errorId : undefined, undefined)}
        />
        <label className="checkbox__label" htmlFor={fieldId}>
          {label}
        </label>
      </div>
      {hint ? (
        <div className="field__hint checkbox__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** A password field with a "Show" toggle: typing a long passphrase blind on a phone is hard. */
export function PasswordField(props: Omit<Parameters<typeof TextField>[0], 'type'>) {
  const [visible, setVisible] = useState(false);
  const { id, ...rest } = props;
  const { fieldId } = useFieldIds(id);
  return (
    <div className="password-field">
      <TextField
        {...rest}
        id={fieldId}
        type={visible ? 'text' : 'password'}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
      />
      <button
        type="button"
        className="password-field__toggle"
        aria-controls={fieldId}
        onClick={() => setVisible((shown) => !shown)}
      >
        {visible ? 'Hide password' : 'Show password'}
      </button>
    </div>
  );
}
