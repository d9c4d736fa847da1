import { ApiError, messageForField } from '../../api/client.js';
import type { FormErrors } from '../../account/forms.js';
import { countryDirectorySchema, type CountryDirectory, type HotlineService } from '../../../shared/hotlines.js';

/**
 * The hotline editor works on drafts: every input is a string, as typed, and
 * becomes a directory entry only when saved. Optional fields left empty are
 * left out of the entry, so the server's schema (the same one checked here
 * first) never sees an empty string where it expects nothing.
 */

export interface ServiceDraft {
  /** Stable across edits, for React's list keys; never sent. */
  key: string;
  name: string;
  description: string;
  audience: string;
  phone: string;
  smsNumber: string;
  smsInstructions: string;
  chatUrl: string;
  hours: string;
  languages: string;
  url: string;
  sourceUrl: string;
  checkedOn: string;
}

export type ServiceField = Exclude<keyof ServiceDraft, 'key'>;

export interface CountryDraft {
  countryCode: string;
  countryName: string;
  emergencyNumber: string;
  services: ServiceDraft[];
}

export type CountryField = Exclude<keyof CountryDraft, 'services'>;

/** The service's fields in the order the form shows them (the order focus looks for the first error in). */
export const SERVICE_FIELDS: readonly ServiceField[] = [
  'name',
  'description',
  'audience',
  'phone',
  'smsNumber',
  'smsInstructions',
  'chatUrl',
  'hours',
  'languages',
  'url',
  'sourceUrl',
  'checkedOn',
];

export const SERVICE_LABELS: Record<ServiceField, string> = {
  name: 'Name',
  description: 'Description',
  audience: 'Who it is for',
  phone: 'Phone number',
  smsNumber: 'Text number',
  smsInstructions: 'Texting instructions',
  chatUrl: 'Chat address',
  hours: 'Hours',
  languages: 'Languages',
  url: 'Web address',
  sourceUrl: 'Source address',
  checkedOn: 'Date checked',
};

export const COUNTRY_FIELDS: readonly CountryField[] = ['countryCode', 'countryName', 'emergencyNumber'];

export const COUNTRY_LABELS: Record<CountryField, string> = {
  countryCode: 'Country',
  countryName: 'Country name',
  emergencyNumber: 'Emergency number',
};

let nextKey = 0;
const newKey = () => `service-${++nextKey}`;

/** Today in the admin's own calendar, as the date input writes it (YYYY-MM-DD). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyService(): ServiceDraft {
  return {
    key: newKey(),
    name: '',
    description: '',
    audience: '',
    phone: '',
    smsNumber: '',
    smsInstructions: '',
    chatUrl: '',
    hours: '',
    languages: '',
    url: '',
    sourceUrl: '',
    checkedOn: today(),
  };
}

export function serviceDraft(service: HotlineService): ServiceDraft {
  return {
    key: newKey(),
    name: service.name,
    description: service.description,
    audience: service.audience ?? '',
    phone: service.phone ?? '',
    smsNumber: service.sms?.number ?? '',
    smsInstructions: service.sms?.instructions ?? '',
    chatUrl: service.chatUrl ?? '',
    hours: service.hours,
    languages: service.languages?.join(', ') ?? '',
    url: service.url,
    sourceUrl: service.sourceUrl,
    checkedOn: service.checkedOn,
  };
}

export function countryDraft(entry: CountryDirectory | undefined): CountryDraft {
  if (!entry) return { countryCode: '', countryName: '', emergencyNumber: '', services: [emptyService()] };
  return {
    countryCode: entry.countryCode,
    countryName: entry.countryName,
    emergencyNumber: entry.emergencyNumber,
    services: entry.services.map(serviceDraft),
  };
}

/** A draft as the API takes it; not yet checked, so typed loosely as the schema's input. */
export function entryFrom(draft: CountryDraft): unknown {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    countryCode: draft.countryCode,
    countryName: draft.countryName.trim(),
    emergencyNumber: draft.emergencyNumber.trim(),
    services: draft.services.map((service) => {
      const languages = service.languages
        .split(/[\s,]+/)
        .map((tag) => tag.trim())
        .filter(Boolean);
      const sms =
        service.smsNumber.trim() || service.smsInstructions.trim()
          ? { number: service.smsNumber.trim(), instructions: optional(service.smsInstructions) }
          : undefined;
      return {
        name: service.name.trim(),
        description: service.description.trim(),
        audience: optional(service.audience),
        phone: optional(service.phone),
        sms,
        chatUrl: optional(service.chatUrl),
        hours: service.hours.trim(),
        languages: languages.length > 0 ? languages : undefined,
        url: service.url.trim(),
        sourceUrl: service.sourceUrl.trim(),
        checkedOn: service.checkedOn,
      };
    }),
  };
}

/**
 * The form's key for a path into the entry, as zod gives it (`['services', 0, 'sms', 'number']`)
 * or the server names it (`services.0.sms.number`): `services.0.smsNumber`. Undefined when
 * no one field shows it (the list of services as a whole, say).
 */
export function fieldKey(path: readonly PropertyKey[] | string): string | undefined {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter(Boolean);
  const [first, index, leaf, sub] = parts;
  if (first && (COUNTRY_FIELDS as readonly string[]).includes(first) && parts.length === 1) return first;
  if (first !== 'services' || index === undefined || !/^\d+$/.test(index) || leaf === undefined) return undefined;
  let field: ServiceField | undefined;
  if (leaf === 'sms') field = sub === 'instructions' ? 'smsInstructions' : 'smsNumber';
  else if (leaf === 'languages') field = 'languages';
  else if ((SERVICE_FIELDS as readonly string[]).includes(leaf)) field = leaf as ServiceField;
  return field ? `services.${index}.${field}` : undefined;
}

/** The id of the control a field key names: `services.0.url` → `hotline-services-0-url`. */
export const fieldId = (key: string) => `hotline-${key.replaceAll('.', '-')}`;

export function labelOf(key: string): string {
  const leaf = key.split('.').pop() ?? key;
  return COUNTRY_LABELS[leaf as CountryField] ?? SERVICE_LABELS[leaf as ServiceField] ?? leaf;
}

/** Every field of the draft in the form's order: the first with an error takes focus. */
export function fieldOrder(draft: CountryDraft): string[] {
  return [
    ...COUNTRY_FIELDS,
    ...draft.services.flatMap((_, index) => SERVICE_FIELDS.map((field) => `services.${index}.${field}`)),
  ];
}

function sentence(label: string, message: string): string {
  const text = `${label} ${message}`.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function valueOf(draft: CountryDraft, key: string): string {
  const [first, index, leaf] = key.split('.');
  if (first !== 'services') return draft[first as CountryField] ?? '';
  return draft.services[Number(index)]?.[leaf as ServiceField] ?? '';
}

export const REACH_MESSAGE =
  'Give at least one way to reach the service: a phone number, a text number or a chat address.';

/** Zod's wording is for developers: an empty field is asked for plainly, a rule is said beside its label. */
function wordIssue(draft: CountryDraft, key: string, code: string, message: string): string {
  const label = labelOf(key);
  if (code === 'custom' && key.endsWith('.phone')) return REACH_MESSAGE;
  if (!valueOf(draft, key).trim()) return `Please fill in ${label.toLowerCase()}.`;
  if (/^(must|is) /.test(message)) return sentence(label, message);
  return sentence(`${label}:`, message.charAt(0).toLowerCase() + message.slice(1));
}

export type HotlineErrors = FormErrors<string>;

/** Checks the draft with the server's own schema and words each issue beside its field. */
export function checkDraft(
  draft: CountryDraft,
): { ok: true; entry: CountryDirectory } | { ok: false; errors: HotlineErrors } {
  const result = countryDirectorySchema.safeParse(entryFrom(draft));
  if (result.success) return { ok: true, entry: result.data };
  const fields: Record<string, string> = {};
  let form: string | undefined;
  for (const issue of result.error.issues) {
    const key = fieldKey(issue.path);
    if (key) fields[key] ??= wordIssue(draft, key, issue.code, issue.message);
    else form ??= issue.message;
  }
  return { ok: false, errors: form ? { fields, form } : { fields } };
}

/** A server error placed beside the field it names (`error.field`, e.g. `services.0.url`). */
export function errorsFromServer(error: unknown): HotlineErrors {
  if (error instanceof ApiError) {
    const key = error.field ? fieldKey(error.field) : undefined;
    if (key) {
      const message = /at least one of phone/.test(error.message)
        ? REACH_MESSAGE
        : messageForField(error.message, labelOf(key));
      return { fields: { [key]: message } };
    }
    return { fields: {}, form: error.message };
  }
  return { fields: {}, form: 'Something went wrong. Please try again.' };
}

/** The oldest check of a country's services: the date its entry most needs looking at again. */
export function oldestCheck(entry: CountryDirectory): string {
  return entry.services.map((service) => service.checkedOn).sort()[0] ?? '';
}

/** `2026-11-22` → `22 November 2026`, read the same everywhere (the date has no time zone). */
export function formatCheckedOn(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
