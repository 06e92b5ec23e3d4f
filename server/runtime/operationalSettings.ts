/** How long each kind of row is kept before the retention job removes it (ms). */
export interface RetentionAges {
  /** Idempotency keys, counted from their expiry (a key is dead 2 h after its request). */
  expiredIdempotencyKeys: number;
  /** Webhook outbox rows, counted from delivery (the merchant has them). */
  deliveredWebhooks: number;
  /**
   * Webhook outbox rows that gave up (`failed`), counted from the last attempt. Long enough
   * for an operator to fix the receiver and resend (PRODUCT.md §7), short enough that a dead
   * receiver cannot grow the table without bound (PRODUCT.md §10).
   */
  failedWebhooks: number;
  /** Timeline rows (`session_events`) shown by the ops API, counted from the event. */
  timeline: number;
  /** Sealed payouts of an account verified but never confirmed, counted from the mount's end. */
  unconfirmedVaultPayloads: number;
}

/** Settings of the running process that are not about programs or secrets. */
export interface OperationalSettings {
  /** Graceful shutdown deadline: after it the process exits even with work in flight. */
  shutdownTimeoutMs: number;
  retention: RetentionAges;
  /** Pause between retention passes when there is no backlog. */
  retentionIntervalMs: number;
  /** How often the embedded store refreshes its planner statistics (PGlite has no autovacuum). */
  analyzeIntervalMs: number;
}

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `"90d"`, `"12h"`, `"30m"`, `"45s"` → ms; `undefined` when it is not such a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)\s*([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

const DURATIONS = {
  TOKENFRAME_SHUTDOWN_TIMEOUT: '10s',
  TOKENFRAME_RETAIN_EXPIRED_IDEMPOTENCY_KEYS: '1h',
  TOKENFRAME_RETAIN_DELIVERED_WEBHOOKS: '7d',
  TOKENFRAME_RETAIN_FAILED_WEBHOOKS: '30d',
  TOKENFRAME_RETAIN_TIMELINE: '90d',
  TOKENFRAME_RETAIN_UNCONFIRMED_VAULT_PAYLOADS: '1h',
  TOKENFRAME_ANALYZE_INTERVAL: '10m',
  TOKENFRAME_RETENTION_INTERVAL: '1m',
} as const;

/** Reads the operational settings; each mistake is one line in `problems`. */
export function readOperationalSettings(
  env: NodeJS.ProcessEnv,
  problems: string[],
): OperationalSettings {
  const duration = (name: keyof typeof DURATIONS): number => {
    const text = env[name] || DURATIONS[name];
    const ms = parseDuration(text);
    if (ms === undefined || ms <= 0) {
      problems.push(`${name}: expected a duration like 30s, 15m, 12h or 7d, got "${text}"`);
      return parseDuration(DURATIONS[name])!;
    }
    return ms;
  };
  return {
    shutdownTimeoutMs: duration('TOKENFRAME_SHUTDOWN_TIMEOUT'),
    retention: {
      expiredIdempotencyKeys: duration('TOKENFRAME_RETAIN_EXPIRED_IDEMPOTENCY_KEYS'),
      deliveredWebhooks: duration('TOKENFRAME_RETAIN_DELIVERED_WEBHOOKS'),
      failedWebhooks: duration('TOKENFRAME_RETAIN_FAILED_WEBHOOKS'),
      timeline: duration('TOKENFRAME_RETAIN_TIMELINE'),
      unconfirmedVaultPayloads: duration('TOKENFRAME_RETAIN_UNCONFIRMED_VAULT_PAYLOADS'),
    },
    analyzeIntervalMs: duration('TOKENFRAME_ANALYZE_INTERVAL'),
    retentionIntervalMs: duration('TOKENFRAME_RETENTION_INTERVAL'),
  };
}

/** A `DATABASE_URL` problem (one line, without the password), or `undefined` when it looks right. */
export function databaseUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'DATABASE_URL: not a URL (expected postgres://user:password@host:5432/database)';
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    return `DATABASE_URL: expected a postgres:// URL, got a ${parsed.protocol}// URL`;
  if (!parsed.hostname) return 'DATABASE_URL: the URL names no host';
  return undefined;
}
