import type { ChangeEvent, ReactNode } from 'react';
import { Alert, SelectField, TextField } from '../design/index.js';
import { CountryOptions, TimeZoneOptions } from './options.js';

/** Typed identifiers (handles, codes): no capitals, corrections or spell-check from the keyboard. */
export const PLAIN_TEXT_INPUT = { autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false } as const;

/** The form-level error, when the server's problem is not about one field. */
export function FormError({ id, title, message }: { id?: string; title: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert id={id} title={title}>
      <p>{message}</p>
    </Alert>
  );
}

interface HandleFieldProps {
  id: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error: string | undefined;
  hint?: ReactNode;
}

export function HandleField({ id, value, onChange, error, hint }: HandleFieldProps) {
  return (
    <TextField
      id={id}
      label="Handle"
      hint={hint}
      autoComplete="username"
      {...PLAIN_TEXT_INPUT}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

interface CountryFieldProps {
  id: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  error: string | undefined;
}

/** Optional, and said why: the country picks the crisis lines a member is shown. */
export function CountryField({ id, value, onChange, error }: CountryFieldProps) {
  return (
    <SelectField
      id={id}
      label="Country"
      labelNote="(optional)"
      hint="Used to show the emergency number and crisis lines for where you live."
      autoComplete="country"
      value={value}
      onChange={onChange}
      error={error}
    >
      <CountryOptions emptyLabel="Prefer not to say" />
    </SelectField>
  );
}

interface FieldProps<Element> {
  id: string;
  value: string;
  onChange: (event: ChangeEvent<Element>) => void;
  error: string | undefined;
  /** What the field is for, on this form. */
  hint: ReactNode;
}

/** Optional email: Hearth never needs it, and the hint says what it is for here. */
export function EmailField({ id, value, onChange, error, hint }: FieldProps<HTMLInputElement>) {
  return (
    <TextField
      id={id}
      label="Email"
      labelNote="(optional)"
      hint={hint}
      type="email"
      inputMode="email"
      autoComplete="email"
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

/** The member's time zone, with "Prefer not to say"; the current value stays listed even if unknown. */
export function TimeZoneField({ id, value, onChange, error, hint }: FieldProps<HTMLSelectElement>) {
  return (
    <SelectField id={id} label="Time zone" hint={hint} value={value} onChange={onChange} error={error}>
      <TimeZoneOptions current={value} emptyLabel="Prefer not to say" />
    </SelectField>
  );
}
