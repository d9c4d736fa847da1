import { describe, expect, it } from 'vitest';
import { isKnownPushEndpoint, KNOWN_PUSH_SERVICE_HOSTS } from './index.js';

describe('known push endpoints', () => {
  const known = (url: string, extra: string[] = []) => isKnownPushEndpoint(url, [...KNOWN_PUSH_SERVICE_HOSTS, ...extra]);

  it('accepts the browsers’ push services over https', () => {
    expect(known('https://fcm.googleapis.com/fcm/send/abc')).toBe(true);
    expect(known('https://updates.push.services.mozilla.com/wpush/v2/abc')).toBe(true);
    expect(known('https://web.push.apple.com/QGx')).toBe(true);
    expect(known('https://db5p.notify.windows.com/w/?token=abc')).toBe(true);
  });

  it('refuses other hosts, look-alikes, plain http and credentials in the URL', () => {
    expect(known('https://169.254.169.254/latest/meta-data/iam')).toBe(false);
    expect(known('https://evilnotify.windows.com/w')).toBe(false);
    expect(known('https://notify.windows.com.evil.example/w')).toBe(false);
    expect(known('https://fcm.googleapis.com.evil.example/fcm/send/abc')).toBe(false);
    expect(known('http://fcm.googleapis.com/fcm/send/abc')).toBe(false);
    expect(known('https://user:pass@fcm.googleapis.com/fcm/send/abc')).toBe(false);
    expect(known('not a url')).toBe(false);
  });

  it('accepts a host added by configuration, on any port', () => {
    expect(known('https://127.0.0.1:4443/push/a')).toBe(false);
    expect(known('https://127.0.0.1:4443/push/a', ['127.0.0.1'])).toBe(true);
  });
});
