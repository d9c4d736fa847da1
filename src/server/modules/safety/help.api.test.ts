import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

describe('GET /api/help', () => {
  it('is readable signed out, and picks the country from the browser language', async () => {
    const response = await new TestClient(hearth.app).get('/api/help', { 'accept-language': 'en-GB,en;q=0.8' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.detectedFrom).toBe('accept-language');
    expect(body.country.countryCode).toBe('GB');
    expect(body.country.emergencyNumber).toBe('999');
    expect(body.country.services.map((s: { name: string }) => s.name).join(' ')).toMatch(/Samaritans/);
    expect(body.countries.length).toBeGreaterThanOrEqual(25);
  });

  it("uses the member's profile country before the browser language", async () => {
    const member = new TestClient(hearth.app);
    await member.signUp(undefined, undefined, { country: 'AU' });
    const body = (await member.get('/api/help', { 'accept-language': 'en-US' })).json();
    expect(body.detectedFrom).toBe('profile');
    expect(body.country.emergencyNumber).toBe('000');
  });

  it('falls back to the international directory for a country with no entry', async () => {
    const body = (await new TestClient(hearth.app).get('/api/help?country=aq')).json();
    expect(body.country).toBeNull();
    expect(body.international.length).toBeGreaterThan(0);
    expect(body.emergencyNote).toMatch(/emergency number/i);
  });

  it('refuses a malformed country code, naming the field', async () => {
    const response = await new TestClient(hearth.app).get('/api/help?country=Narnia');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('country');
  });
});
