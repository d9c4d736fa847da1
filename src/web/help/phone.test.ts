import { describe, expect, it } from 'vitest';
import { hotlineDirectory } from '../../server/modules/safety/hotlines/directory-data.js';
import { smsNote } from './phone.js';

describe('the texting note under a crisis line', () => {
  it('is left out when it only repeats the "Text <number>" button (the US 988 line showed "Text 988" twice)', () => {
    expect(smsNote({ number: '988', instructions: 'Text 988' })).toBeNull();
    expect(smsNote({ number: '0477 13 11 14', instructions: 'Text 0477 13 11 14' })).toBeNull();
    expect(smsNote({ number: '1737', instructions: 'SMS 1737.' })).toBeNull();
    expect(smsNote({ number: '988' })).toBeNull();
  });

  it('is shown when it says something the button does not', () => {
    expect(smsNote({ number: '85258', instructions: 'Text SHOUT to 85258' })).toBe('Text SHOUT to 85258');
    expect(smsNote({ number: '31393', instructions: 'SMS 31393 and a counsellor will call you back' })).toBe('SMS 31393 and a counsellor will call you back');
    expect(smsNote({ number: '988', instructions: 'Text 741741' })).toBe('Text 741741');
  });
});

describe('the seeded hotline directory', () => {
  it('has no texting note that only repeats its number', () => {
    for (const country of hotlineDirectory) {
      for (const service of country.services) {
        if (service.sms?.instructions) expect(smsNote(service.sms), `${country.countryCode}: ${service.name}`).toBe(service.sms.instructions);
      }
    }
  });
});
