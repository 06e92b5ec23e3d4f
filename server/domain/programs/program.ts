import * as z from 'zod';
import { FUNDING_DESTINATIONS, LOCALES } from '../../../protocol/constants';
import { RVDM_FIELDS, RVDM_RULES } from '../verification/recipientVerification';

const origin = z.string().refine(isOrigin, {
  message:
    'must be an origin such as https://shop.example (https, or http for localhost/127.0.0.1)',
});

/** At most `calls` calls in each fixed window of `window_seconds`. */
const windowLimit = z.strictObject({
  calls: z.int().min(1).max(1_000_000),
  window_seconds: z.int().min(1).max(86_400),
});

/**
 * Card-testing defence on the widget API's /account and /confirm (PRODUCT.md §10). A
 * recipient needs a handful of calls per mount (typos, a credit card offered as debit, the
 * confirm); a script trying numbers needs hundreds. The client-IP limit is the loosest, as
 * many recipients can share one office or carrier NAT address.
 */
export const DEFAULT_WIDGET_CALL_LIMITS = {
  per_mount: { calls: 20, window_seconds: 600 },
  per_session: { calls: 50, window_seconds: 3600 },
  per_client_ip: { calls: 200, window_seconds: 600 },
} as const;

/**
 * Attempts before a webhook delivery is `failed`: with backoff doubling from 1 s to a cap of
 * 1 h, 20 attempts span about nine hours, long enough for a receiver's outage to be fixed.
 */
export const DEFAULT_WEBHOOK_MAX_ATTEMPTS = 20;

/**
 * One merchant program as written in the config file. Field names are the file's keys, so a
 * zod issue path is the exact place of a mistake.
 */
export const programSchema = z.strictObject({
  username: z.string().min(1).max(100),
  secret: z.string().min(8, 'must be at least 8 characters'),
  hosts: z.array(origin).min(1, 'must list at least one origin'),
  languages: z
    .array(z.enum(LOCALES))
    .min(1)
    .default([...LOCALES]),
  funding_destinations: z
    .array(z.enum(Object.values(FUNDING_DESTINATIONS)))
    .min(1)
    .default(Object.values(FUNDING_DESTINATIONS)),
  rvdm: z.strictObject(
    Object.fromEntries(RVDM_FIELDS.map((f) => [f, z.enum(RVDM_RULES)])) as Record<
      (typeof RVDM_FIELDS)[number],
      z.ZodEnum<{ hard: 'hard'; soft: 'soft'; bypass: 'bypass' }>
    >,
  ),
  attempt_limits: z
    .strictObject({
      per_feature_per_mount: z.int().min(1).max(100),
      per_session: z.int().min(1).max(1000),
    })
    .default({ per_feature_per_mount: 3, per_session: 5 }),
  webhook: z
    .strictObject({
      url: z.url({ protocol: /^https?$/ }),
      secret: z.string().min(8),
      /**
       * The secret being rotated out: while set, every delivery carries one `v1` per secret
       * (PRODUCT.md §7), so receivers can switch at their own pace. Remove it when they have.
       */
      previous_secret: z.string().min(8).optional(),
      /** Attempts before a delivery is marked `failed` (then only a resend sends it again). */
      max_attempts: z.int().min(1).max(100).default(DEFAULT_WEBHOOK_MAX_ATTEMPTS),
    })
    .optional(),
  rate_limit: z
    .strictObject({ burst: z.int().min(1), per_second: z.number().positive() })
    .default({ burst: 100, per_second: 50 }),
  widget_call_limits: z
    .strictObject({ per_mount: windowLimit, per_session: windowLimit, per_client_ip: windowLimit })
    .default(DEFAULT_WIDGET_CALL_LIMITS),
});

/** A validated program (defaults applied). */
export type Program = z.infer<typeof programSchema>;

/**
 * True for `https://host[:port]`, or `http://` when the host is loopback: scheme and
 * authority only (an optional trailing `/`), no credentials, path, query or fragment.
 */
export function isOrigin(value: string): boolean {
  if (!/^https?:\/\/[^/?#@\s]+\/?$/i.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
}

/** `https://a.example/` → `https://a.example`: allowlist comparisons use the bare origin. */
export function normalizeOrigin(value: string): string {
  return new URL(value).origin;
}

/**
 * The sandbox's RVDM rules (PRODUCT.md §2, §8): names and the street/city/state/ZIP must
 * match (hard); address_line2 is soft, because recipients write apartment numbers in many
 * ways and a mismatch there says little about identity. Also the rules a test program takes.
 */
export const SANDBOX_RVDM_RULES = {
  first_name: 'hard',
  last_name: 'hard',
  address_line1: 'hard',
  address_line2: 'soft',
  city: 'hard',
  state: 'hard',
  zip_code: 'hard',
} as const;

/** The built-in sandbox program (PRODUCT.md §8), with {@link SANDBOX_RVDM_RULES}. */
export function sandboxProgram(env: {
  extraHosts?: string[];
  webhook?: z.input<typeof programSchema>['webhook'];
}): Program {
  return programSchema.parse({
    username: 'demo',
    secret: 'demo-secret',
    hosts: ['http://localhost:3000', 'http://127.0.0.1:3000', ...(env.extraHosts ?? [])],
    languages: [...LOCALES],
    funding_destinations: Object.values(FUNDING_DESTINATIONS),
    rvdm: SANDBOX_RVDM_RULES,
    attempt_limits: { per_feature_per_mount: 3, per_session: 5 },
    webhook: env.webhook,
    rate_limit: { burst: 100, per_second: 50 },
  });
}
