import { describe, expect, it } from 'vitest';
import { DemoRecipients } from './demoRecipients';

const options = {
  language_locale_code: 'en-US',
  theme_variant: 'light' as const,
  host_uri: 'http://localhost:3000',
};

describe('DemoRecipients', () => {
  it('keeps one idempotency key and one body per recipient, so re-requests replay', () => {
    const recipients = new DemoRecipients();
    const alex = recipients.start(options);
    const again = recipients.get(alex.id);
    expect(again?.idempotencyKey).toBe(alex.idempotencyKey);
    expect(JSON.stringify(again?.createBody)).toBe(JSON.stringify(alex.createBody));
    expect(Object.isFrozen(alex.createBody)).toBe(true);
  });

  it('gives a new recipient a new key and a new participant id', () => {
    const recipients = new DemoRecipients();
    const first = recipients.start(options);
    const second = recipients.start(options);
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(second.participantUniqueId1).not.toBe(first.participantUniqueId1);
  });

  it('uses keys within the spec: 1–250 visible ASCII characters', () => {
    const { idempotencyKey } = new DemoRecipients().start(options);
    expect(idempotencyKey).toMatch(/^[\x21-\x7e]{1,250}$/);
  });

  it('puts redirect URLs in the body only for standalone recipients', () => {
    const recipients = new DemoRecipients();
    expect(recipients.start(options).createBody).not.toHaveProperty('success_redirect_url');
    const standalone = recipients.start({
      ...options,
      success_redirect_url: 'http://localhost:3000/webview-result.html?outcome=success',
      error_redirect_url: 'http://localhost:3000/webview-result.html?outcome=error',
    });
    expect(standalone.createBody.success_redirect_url).toContain('outcome=success');
    expect(standalone.createBody.error_redirect_url).toContain('outcome=error');
  });

  it('forgets the oldest recipients beyond its capacity', () => {
    const recipients = new DemoRecipients(2);
    const first = recipients.start(options);
    recipients.start(options);
    recipients.start(options);
    expect(recipients.get(first.id)).toBeUndefined();
  });

  it('remembers the session identifier the service returned', () => {
    const recipients = new DemoRecipients();
    const alex = recipients.start(options);
    recipients.rememberSession(alex.id, 'sess_1');
    expect(recipients.get(alex.id)?.sessionIdentifier).toBe('sess_1');
  });
});
