import { describe, expect, it } from 'vitest';
import { shellOptionsFromEnv, STANDALONE_SCENARIOS } from './shellOptions';

describe('stand-in native app options', () => {
  it('defaults to the ports npm start uses', () => {
    expect(shellOptionsFromEnv({})).toMatchObject({
      demoUrl: 'http://localhost:3000',
      serviceOrigin: 'http://localhost:8080',
      bridge: 'webkit',
      headless: false,
      scenario: { id: 'debit-happy' },
    });
  });

  it('takes PORT, DEMO_PORT and TOKENFRAME_PUBLIC_URL like npm start; DEMO_URL and SERVICE_URL win', () => {
    expect(shellOptionsFromEnv({ PORT: '9080', DEMO_PORT: '4000', HEADLESS: '1' })).toMatchObject({
      demoUrl: 'http://localhost:4000',
      serviceOrigin: 'http://localhost:9080',
      headless: true,
    });
    expect(
      shellOptionsFromEnv({ PORT: '9080', TOKENFRAME_PUBLIC_URL: 'https://pay.example/' }),
    ).toMatchObject({ serviceOrigin: 'https://pay.example' });
    expect(
      shellOptionsFromEnv({
        DEMO_PORT: '4000',
        DEMO_URL: 'http://127.0.0.1:5000/',
        SERVICE_URL: 'http://127.0.0.1:5001',
      }),
    ).toMatchObject({ demoUrl: 'http://127.0.0.1:5000', serviceOrigin: 'http://127.0.0.1:5001' });
  });

  it('names what is allowed when a setting is wrong', () => {
    expect(() => shellOptionsFromEnv({ DEMO_PORT: 'abc' })).toThrow(
      'DEMO_PORT must be a port number 1–65535, got "abc"',
    );
    expect(() => shellOptionsFromEnv({ BRIDGE: 'flutter' })).toThrow(
      'BRIDGE must be one of webkit, react-native, android, got "flutter"',
    );
    expect(() => shellOptionsFromEnv({ SCENARIO: 'ach-happy' })).toThrow(
      /^SCENARIO must be one of debit-happy, .*got "ach-happy"$/,
    );
  });

  it('plays by itself only the scenarios a standalone page can reach: debit, mounted at once', () => {
    expect(STANDALONE_SCENARIOS.map((s) => s.id)).toEqual([
      'debit-happy',
      'debit-credit-card',
      'rvdm-mismatch',
      'account-700',
    ]);
  });
});
