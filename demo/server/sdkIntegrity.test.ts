import { describe, expect, it } from 'vitest';
import { sriSha384 } from './sdkIntegrity';

describe('sriSha384', () => {
  it('formats sha384-<base64> as SRI expects (vector: openssl dgst -sha384 -binary | base64)', () => {
    // printf 'abc' | openssl dgst -sha384 -binary | base64
    expect(sriSha384(Buffer.from('abc'))).toBe(
      'sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn',
    );
  });
});
