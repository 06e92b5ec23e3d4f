import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import type { RateLimit } from './http/tokenBucket';
import type { Store } from './storage/store';
import { REPO_ROOT } from './runtime/paths';
import {
  databaseUrlProblem,
  readOperationalSettings,
  type OperationalSettings,
} from './runtime/operationalSettings';
import { isOrigin, programSchema, sandboxProgram, type Program } from './domain/programs/program';

export type { Program } from './domain/programs/program';

/** Everything the service reads from its environment, validated. */
export interface ServiceConfig {
  port: number;
  /** Interface the HTTP server listens on (`HOST`, default `localhost`). */
  host: string;
  /** pino level of the service's log (`LOG_LEVEL`, default `info`). */
  logLevel: LogLevel;
  /** PGlite data folder (ignored when `databaseUrl` is set). */
  dataDir: string;
  databaseUrl?: string;
  /** Origin written into authorized_url (the widget's origin). */
  publicUrl: string;
  /** HMAC key of the authorized_url's `h`. */
  urlSecret: Buffer;
  /** AES-256-GCM key of the vault (32 bytes). */
  vaultKey: Buffer;
  /** Merchant programs; usernames are unique. */
  programs: Program[];
  /** Folder holding the built `sdk/` and `widget/`. */
  distDir: string;
  /** Per-client-IP limit of the unauthenticated exchange; default `EXCHANGE_RATE_LIMIT`. */
  exchangeRateLimit?: RateLimit;
  /** Shutdown deadline, retention ages, statistics refresh. */
  operations: OperationalSettings;
}

/** The part of {@link ServiceConfig} known before the store is open. */
export type EnvConfig = Omit<ServiceConfig, 'urlSecret' | 'vaultKey'> & {
  urlSecret?: Buffer;
  vaultKey?: Buffer;
};

/** The log levels `LOG_LEVEL` accepts (pino's, plus `silent`). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A configuration mistake; `problems` holds one clear line per mistake. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Tokenframe configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export { REPO_ROOT } from './runtime/paths';

const configFileSchema = z.strictObject({
  /** Keep the built-in sandbox program next to the file's programs. */
  include_sandbox_program: z.boolean().default(false),
  programs: z.array(programSchema).min(1, 'must define at least one program'),
});

/** Reads and validates the environment and the optional JSON config file. */
export function readEnvConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const problems: string[] = [];
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT: expected an integer 0–65535, got "${env.PORT}"`);

  const host = env.HOST || 'localhost';
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);

  const extraHosts = (env.TOKENFRAME_EXTRA_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (const host of extraHosts)
    if (!isOrigin(host))
      problems.push(
        `TOKENFRAME_EXTRA_HOSTS: "${host}" is not an origin (https://host[:port], or http:// for localhost/127.0.0.1)`,
      );

  const publicUrl = env.TOKENFRAME_PUBLIC_URL || `http://localhost:${port}`;
  if (!/^https?:\/\/[^/]+$/.test(publicUrl.replace(/\/$/, '')))
    problems.push(
      `TOKENFRAME_PUBLIC_URL: expected an origin like https://pay.example, got "${publicUrl}"`,
    );

  const webhookUrl = env.TOKENFRAME_WEBHOOK_URL;
  const webhookSecret = env.TOKENFRAME_WEBHOOK_SECRET;
  if (Boolean(webhookUrl) !== Boolean(webhookSecret))
    problems.push('TOKENFRAME_WEBHOOK_URL and TOKENFRAME_WEBHOOK_SECRET must be set together');

  const urlSecret = env.TOKENFRAME_URL_SECRET
    ? Buffer.from(env.TOKENFRAME_URL_SECRET, 'utf8')
    : undefined;
  if (urlSecret && urlSecret.length < 16)
    problems.push('TOKENFRAME_URL_SECRET: must be at least 16 characters');
  const vaultKey = env.TOKENFRAME_VAULT_KEY
    ? Buffer.from(env.TOKENFRAME_VAULT_KEY, 'base64')
    : undefined;
  if (vaultKey && vaultKey.length !== 32)
    problems.push('TOKENFRAME_VAULT_KEY: must be base64 of exactly 32 bytes');

  let programs: Program[] = [];
  let sandbox: Program | undefined;
  try {
    sandbox = sandboxProgram({
      extraHosts: extraHosts.filter(isOrigin),
      webhook:
        webhookUrl && webhookSecret
          ? {
              url: webhookUrl,
              secret: webhookSecret,
              ...(env.TOKENFRAME_WEBHOOK_PREVIOUS_SECRET
                ? { previous_secret: env.TOKENFRAME_WEBHOOK_PREVIOUS_SECRET }
                : {}),
            }
          : undefined,
    });
  } catch (error) {
    problems.push(...issuesOf(error, 'sandbox program'));
  }
  if (env.TOKENFRAME_CONFIG) {
    const loaded = readConfigFile(env.TOKENFRAME_CONFIG, problems);
    if (loaded)
      programs =
        loaded.include_sandbox_program && sandbox ? [sandbox, ...loaded.programs] : loaded.programs;
  } else if (sandbox) {
    programs = [sandbox];
  }
  const seen = new Set<string>();
  for (const program of programs) {
    if (seen.has(program.username))
      problems.push(`programs: username "${program.username}" is used twice`);
    seen.add(program.username);
  }

  const databaseUrl = env.DATABASE_URL || undefined;
  const databaseProblem = databaseUrl && databaseUrlProblem(databaseUrl);
  if (databaseProblem) problems.push(databaseProblem);
  const operations = readOperationalSettings(env, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    logLevel,
    dataDir: resolve(env.TOKENFRAME_DATA_DIR || './.data'),
    databaseUrl,
    publicUrl: publicUrl.replace(/\/$/, ''),
    urlSecret,
    vaultKey,
    programs,
    distDir: resolve(env.TOKENFRAME_DIST_DIR || join(REPO_ROOT, 'dist')),
    operations,
  };
}

function readConfigFile(
  path: string,
  problems: string[],
): z.infer<typeof configFileSchema> | undefined {
  if (!existsSync(path)) {
    problems.push(`TOKENFRAME_CONFIG: file not found: ${path}`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`TOKENFRAME_CONFIG: ${path} is not valid JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    problems.push(...issuesOf(parsed.error, path));
    return undefined;
  }
  return parsed.data;
}

function issuesOf(error: unknown, where: string): string[] {
  if (!(error instanceof z.ZodError)) return [`${where}: ${String(error)}`];
  return error.issues.map((issue) => {
    const at = issue.path.length ? issue.path.join('.') : '(root)';
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    return `${where}: ${at}: ${issue.message}${keys}`;
  });
}

/**
 * Completes the config with the secrets. When the environment gives none, a random one is
 * generated once and kept in the database, so every instance on that database (and every
 * restart) shares it; the vault key then comes with a warning, since it sits beside the data.
 */
export async function resolveServiceConfig(
  envConfig: EnvConfig,
  store: Store,
  warn: (message: string) => void = () => undefined,
): Promise<ServiceConfig> {
  const urlSecret =
    envConfig.urlSecret ?? Buffer.from(await storedSecret(store, 'url_secret'), 'base64');
  let vaultKey = envConfig.vaultKey;
  if (!vaultKey) {
    vaultKey = Buffer.from(await storedSecret(store, 'vault_key'), 'base64');
    warn('TOKENFRAME_VAULT_KEY is not set: using a generated development key stored with the data');
  }
  return { ...envConfig, urlSecret, vaultKey };
}

async function storedSecret(store: Store, name: string): Promise<string> {
  await store.query(
    'INSERT INTO service_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
    [name, randomBytes(32).toString('base64')],
  );
  const rows = await store.query<{ value: string }>(
    'SELECT value FROM service_secrets WHERE name = $1',
    [name],
  );
  return rows[0]!.value;
}

/** The program with this username, if any. */
export function findProgram(
  config: Pick<ServiceConfig, 'programs'>,
  username: string,
): Program | undefined {
  return config.programs.find((p) => p.username === username);
}
