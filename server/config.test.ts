import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../protocol/constants';
import { ConfigError, readEnvConfig } from './config';
import { SANDBOX_RVDM_RULES } from './domain/programs/program';

const dir = mkdtempSync(join(tmpdir(), 'tokenframe-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    readEnvConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};
const RVDM = SANDBOX_RVDM_RULES;

describe('configuration', () => {
  it('defaults to the sandbox program of PRODUCT.md §8', () => {
    const config = readEnvConfig({
      TOKENFRAME_EXTRA_HOSTS: 'https://a.example, http://127.0.0.1:5173',
    });
    expect(config.port).toBe(8080);
    expect(config.programs).toHaveLength(1);
    const sandbox = config.programs[0]!;
    expect(sandbox).toMatchObject({
      username: 'demo',
      secret: 'demo-secret',
      hosts: [
        'http://localhost:3000',
        'http://127.0.0.1:3000',
        'https://a.example',
        'http://127.0.0.1:5173',
      ],
      funding_destinations: ['debit', 'credit', 'ach', 'paypal', 'billpay'],
      rvdm: RVDM,
      attempt_limits: { per_feature_per_mount: 3, per_session: 5 },
      rate_limit: { burst: 100, per_second: 50 },
    });
    expect(sandbox.languages).toHaveLength(28);
    expect(sandbox.languages[0]).toBe('en-US');
    expect(new Set(sandbox.languages)).toEqual(new Set(LOCALES));
  });

  it('gives the sandbox a webhook from TOKENFRAME_WEBHOOK_URL and _SECRET', () => {
    const config = readEnvConfig({
      TOKENFRAME_WEBHOOK_URL: 'http://127.0.0.1:9/h',
      TOKENFRAME_WEBHOOK_SECRET: 'whsec_12345',
    });
    expect(config.programs[0]!.webhook).toEqual({
      url: 'http://127.0.0.1:9/h',
      secret: 'whsec_12345',
      max_attempts: 20,
    });
  });

  it('signs with the previous webhook secret too while TOKENFRAME_WEBHOOK_PREVIOUS_SECRET is set', () => {
    const config = readEnvConfig({
      TOKENFRAME_WEBHOOK_URL: 'http://127.0.0.1:9/h',
      TOKENFRAME_WEBHOOK_SECRET: 'whsec_new_12345',
      TOKENFRAME_WEBHOOK_PREVIOUS_SECRET: 'whsec_old_12345',
    });
    expect(config.programs[0]!.webhook).toMatchObject({
      secret: 'whsec_new_12345',
      previous_secret: 'whsec_old_12345',
    });
  });

  it('loads programs from TOKENFRAME_CONFIG, applying defaults', () => {
    const path = file('good.json', {
      programs: [
        {
          username: 'acme',
          secret: 'acme-secret-1',
          hosts: ['https://pay.acme.example'],
          rvdm: RVDM,
        },
      ],
    });
    const config = readEnvConfig({ TOKENFRAME_CONFIG: path });
    expect(config.programs.map((p) => p.username)).toEqual(['acme']);
    expect(config.programs[0]!.languages[0]).toBe('en-US');
  });

  it('reports one clear message per mistake, all at once', () => {
    const path = file('bad.json', {
      programs: [
        {
          username: 'acme',
          secret: 'short',
          hosts: ['http://acme.example', 'https://ok.example/path'],
          languages: ['en-US', 'xx-XX'],
          funding_destinations: ['debit', 'cash'],
          rvdm: { ...RVDM, city: 'maybe' },
          attempt_limits: { per_feature_per_mount: 0, per_session: 5 },
          webhook: { url: 'ftp://x', secret: 'whsec_12345' },
          colour: 'blue',
        },
      ],
    });
    const problems = problemsOf({ TOKENFRAME_CONFIG: path });
    const at = (fragment: string) => problems.filter((p) => p.includes(fragment));
    expect(at('programs.0.secret')).toHaveLength(1);
    expect(at('programs.0.hosts.0')).toHaveLength(1);
    expect(at('programs.0.hosts.1')).toHaveLength(1);
    expect(at('programs.0.languages.1')).toHaveLength(1);
    expect(at('programs.0.funding_destinations.1')).toHaveLength(1);
    expect(at('programs.0.rvdm.city')).toHaveLength(1);
    expect(at('programs.0.attempt_limits.per_feature_per_mount')).toHaveLength(1);
    expect(at('programs.0.webhook.url')).toHaveLength(1);
    expect(at('colour')).toHaveLength(1);
    expect(problems.every((p) => p.startsWith(path))).toBe(true);
  });

  it('reports a missing file, invalid JSON, duplicate usernames and bad environment values', () => {
    expect(problemsOf({ TOKENFRAME_CONFIG: join(dir, 'missing.json') })[0]).toMatch(
      /file not found/,
    );
    expect(problemsOf({ TOKENFRAME_CONFIG: file('broken.json', '{ "programs": [') })[0]).toMatch(
      /not valid JSON/,
    );
    const dup = file('dup.json', {
      include_sandbox_program: true,
      programs: [
        { username: 'demo', secret: 'another-secret', hosts: ['https://x.example'], rvdm: RVDM },
      ],
    });
    expect(problemsOf({ TOKENFRAME_CONFIG: dup })).toEqual([
      expect.stringMatching(/"demo" is used twice/),
    ]);
    const envProblems = problemsOf({
      PORT: 'eighty',
      TOKENFRAME_EXTRA_HOSTS: 'shop.example',
      TOKENFRAME_VAULT_KEY: 'c2hvcnQ=',
      TOKENFRAME_WEBHOOK_URL: 'http://x',
    });
    expect(envProblems).toHaveLength(4);
  });
});

describe('one config door for host and log level', () => {
  it('reads HOST and LOG_LEVEL with their defaults', () => {
    expect(readEnvConfig({})).toMatchObject({ host: 'localhost', logLevel: 'info' });
    expect(readEnvConfig({ HOST: '0.0.0.0', LOG_LEVEL: 'warn' })).toMatchObject({
      host: '0.0.0.0',
      logLevel: 'warn',
    });
  });

  it('names a LOG_LEVEL that pino does not know', () => {
    expect(problemsOf({ LOG_LEVEL: 'loud' })).toEqual([
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ]);
  });
});
