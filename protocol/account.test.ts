import { describe, expect, it } from 'vitest';
import { maskedAccountSchema } from './account';

describe('maskedAccountSchema', () => {
  it('accepts a number masked to its last four digits', () => {
    expect(
      maskedAccountSchema.safeParse({ last4: '5556', display: '•••• 5556', brand: 'visa' }).success,
    ).toBe(true);
  });

  it('accepts a masked PayPal email without last4', () => {
    expect(maskedAccountSchema.safeParse({ display: 'j•••@example.com' }).success).toBe(true);
    expect(maskedAccountSchema.safeParse({ display: '7•••@mail.co.uk' }).success).toBe(true);
  });

  it.each([
    ['a full email address', { display: 'jane@example.com' }],
    ['more than the first character of the local part', { display: 'ja•••@example.com' }],
    ['a number hidden in the domain', { display: 'j•••@4000056655665556.com' }],
    ['a full number as display', { last4: '5556', display: '4000056655665556' }],
    ['a number display without last4', { display: '•••• 5556' }],
    ['last4 disagreeing with the display', { last4: '1234', display: '•••• 5556' }],
    ['last4 beside an email display', { last4: '5556', display: 'j•••@example.com' }],
    ['a full number as last4', { last4: '4000056655665556', display: '•••• 5556' }],
  ])('rejects %s', (_what, account) => {
    expect(maskedAccountSchema.safeParse(account).success).toBe(false);
  });
});
