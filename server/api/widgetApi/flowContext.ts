import type { ServiceConfig, Program } from '../../config';
import { findProgram } from '../../config';
import type { Store } from '../../storage/store';
import type { MountRow, SessionRow } from '../../domain/sessions/sessionRow';
import { isFinal } from '../../domain/sessions/state';
import { lockMount, lockSession } from '../../domain/sessions/sessionChanges';
import type { VaultKeys } from '../../domain/vault/vaultKeys';
import type { AttemptCounters } from '../../domain/verification/attempts';
import { WidgetApiFailure, finalSessionFailure } from './widgetApiError';

/** What every widget API action needs besides its input. */
export interface FlowContext {
  store: Store;
  config: ServiceConfig;
  vaultKeys: VaultKeys;
  /** Epoch ms of this request (from the app clock). */
  now: number;
}

/** The session and mount of an authenticated call, re-read and locked inside a transaction. */
export interface LockedFlow {
  session: SessionRow;
  mount: MountRow;
  program: Program;
}

/**
 * Re-reads the session and mount `FOR UPDATE`, so two concurrent calls on one mount count
 * attempts and change state one after the other. Throws the protocol failure when the
 * session is final.
 */
export async function lockFlow(
  tx: Store,
  config: ServiceConfig,
  sessionId: string,
  mountId: string,
): Promise<LockedFlow> {
  const session = await lockSession(tx, sessionId);
  const mount = await lockMount(tx, mountId);
  if (!session || !mount) throw new WidgetApiFailure('unauthorized');
  if (isFinal(session.state)) throw finalSessionFailure(session);
  const program = findProgram(config, session.program);
  if (!program) throw new Error('session refers to an unknown program');
  return { session, mount, program };
}

/** The attempt counters of this mount and its session. */
export function countersOf(flow: Pick<LockedFlow, 'session' | 'mount'>): AttemptCounters {
  return {
    recipient_verification: flow.mount.recipient_verification_failures,
    account_verification: flow.mount.account_verification_failures,
    session: flow.session.attempts_used,
  };
}

/** True when a feature already hit its per-mount limit: the mount shows the terminal page. */
export function isMountTerminal(flow: LockedFlow): boolean {
  const limit = flow.program.attempt_limits.per_feature_per_mount;
  return (
    flow.mount.recipient_verification_failures >= limit ||
    flow.mount.account_verification_failures >= limit
  );
}
