import type { SessionState } from './state';

/** A `sessions` row as the service reads it. */
export interface SessionRow {
  id: string;
  program: string;
  participant_unique_id1: string;
  participant_unique_id2: string | null;
  state: SessionState;
  params: Record<string, unknown>;
  host_origin: string;
  language_locale_code: string;
  theme_variant: string;
  tracer_token: string;
  attempts_used: number;
  url_expires_ms: string | number;
  url_mounted: boolean;
  created_at: Date | string;
  updated_at: Date | string;
  [column: string]: unknown;
}

/** A `mounts` row. */
export interface MountRow {
  id: string;
  session_id: string;
  access_token_hash: string;
  created_at: Date | string;
  expires_at: Date | string;
  recipient_verification_failures: number;
  account_verification_failures: number;
  funding_destination: string | null;
  verified_account: Record<string, unknown> | null;
  [column: string]: unknown;
}
