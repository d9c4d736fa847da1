import { flushSync } from 'react-dom';
import type { z } from 'zod';
import { ApiError, messageForField } from '../api/client.js';

/** A form's errors: one message per field, and one for the whole form. */
export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, string>>;
  form?: string;
}

export const noErrors = { fields: {} };

function sentence(label: string, message: string): string {
  const text = `${label} ${message}`.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Checks input with the same zod schema the server uses, and words issues for
 * people. An empty required field gets its own plain request ("Please choose a
 * handle.") rather than a rule it has not had a chance to break.
 */
export function validate<Field extends string, Schema extends z.ZodType>(
  schema: Schema,
  input: Partial<Record<Field, unknown>>,
  labels: Record<Field, string>,
  whenEmpty: Partial<Record<Field, string>> = {},
): { ok: true; data: z.output<Schema> } | { ok: false; errors: FormErrors<Field> } {
  const fields: Partial<Record<Field, string>> = {};
  for (const [field, message] of Object.entries(whenEmpty) as [Field, string][]) {
    const value = input[field];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) fields[field] = message;
  }
  const result = schema.safeParse(input);
  if (result.success && Object.keys(fields).length === 0) return { ok: true, data: result.data };
  let form: string | undefined;
  for (const issue of result.error?.issues ?? []) {
    const field = String(issue.path[0] ?? '') as Field;
    if (field in labels) {
      fields[field] ??= sentence(labels[field], issue.message);
    } else {
      form ??= issue.message;
    }
  }
  return { ok: false, errors: form ? { fields, form } : { fields } };
}

/** An API error placed beside its field when the server named one we show. */
export function errorsFromApi<Field extends string>(error: unknown, labels: Record<Field, string>): FormErrors<Field> {
  if (error instanceof ApiError) {
    const field = error.field as Field | undefined;
    if (field && field in labels) {
      return { fields: { [field]: messageForField(error.message, labels[field]) } as Partial<Record<Field, string>> };
    }
    return { fields: {}, form: error.message };
  }
  return { fields: {}, form: 'Something went wrong. Please try again.' };
}

/**
 * Shows the errors, then moves focus to the first field that has one (in the
 * form's order), or to the form's alert, so the person hears what to fix.
 */
export function showErrors<Field extends string>(
  setErrors: (errors: FormErrors<Field>) => void,
  errors: FormErrors<Field>,
  order: readonly Field[],
  ids: Record<Field, string>,
  alertId?: string,
): void {
  flushSync(() => setErrors(errors));
  const first = order.find((field) => errors.fields[field]);
  const target = first ? document.getElementById(ids[first]) : alertId ? document.getElementById(alertId) : null;
  target?.focus();
}
