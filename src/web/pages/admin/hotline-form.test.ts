import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import type { CountryDirectory } from '../../../shared/hotlines.js';
import {
  checkDraft,
  countryDraft,
  entryFrom,
  errorsFromServer,
  fieldId,
  fieldKey,
  REACH_MESSAGE,
} from './hotline-form.js';

const luxembourg: CountryDirectory = {
  countryCode: 'LU',
  countryName: 'Luxembourg',
  emergencyNumber: '112',
  services: [
    {
      name: 'Kanner-Jugendtelefon',
      description: 'Listening for children and young people.',
      sms: { number: '116 111', instructions: 'Text any time' },
      hours: 'Weekdays 14:00–20:00',
      languages: ['lb', 'fr'],
      url: 'https://www.kjt.lu',
      sourceUrl: 'https://www.kjt.lu/en/',
      checkedOn: '2026-11-22',
    },
  ],
};

describe('hotline drafts', () => {
  it('round-trip an entry without adding empty optional fields', () => {
    expect(checkDraft(countryDraft(luxembourg))).toEqual({ ok: true, entry: luxembourg });
    expect(JSON.stringify(entryFrom(countryDraft(luxembourg)))).not.toContain('""');
  });

  it('name the field of a path from zod or from the server', () => {
    expect(fieldKey(['services', 0, 'sms', 'number'])).toBe('services.0.smsNumber');
    expect(fieldKey('services.2.sms.instructions')).toBe('services.2.smsInstructions');
    expect(fieldKey('services.1.languages.0')).toBe('services.1.languages');
    expect(fieldKey('emergencyNumber')).toBe('emergencyNumber');
    expect(fieldKey('services')).toBeUndefined();
    expect(fieldId('services.0.url')).toBe('hotline-services-0-url');
  });

  it('word the schema’s problems beside their fields', () => {
    const draft = countryDraft(luxembourg);
    draft.emergencyNumber = '';
    draft.services[0]!.url = 'http://www.kjt.lu';
    draft.services[0]!.smsNumber = '';
    draft.services[0]!.smsInstructions = '';
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.fields).toMatchObject({
      emergencyNumber: 'Please fill in emergency number.',
      'services.0.url': 'Web address must be an https URL.',
      'services.0.phone': REACH_MESSAGE,
    });
  });

  it('place a server error beside the field it names, and keep others for the form', () => {
    const bad = new ApiError(400, 'invalid_field', '"services.0.url": must be an https URL', 'services.0.url');
    expect(errorsFromServer(bad)).toEqual({ fields: { 'services.0.url': 'Web address must be an https URL.' } });
    const forbidden = new ApiError(403, 'forbidden', 'Only admins can edit the crisis line directory.');
    expect(errorsFromServer(forbidden)).toEqual({
      fields: {},
      form: 'Only admins can edit the crisis line directory.',
    });
  });
});
