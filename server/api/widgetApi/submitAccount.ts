import type { AccountOutcome, AccountSubmission } from '../../../protocol/widgetApi';
import type { VerificationFeature } from '../../../protocol/constants';
import type { Store } from '../../storage/store';
import { recordEvent } from '../../domain/events/recordEvent';
import { transition as sessionTransition } from '../../domain/sessions/state';
import { checkAccount } from '../../domain/sandbox/checkAccount';
import { attemptsRemaining, transition } from '../../domain/verification/attempts';
import {
  verifyRecipient,
  type RvdmOutcome,
  type RvdmValues,
} from '../../domain/verification/recipientVerification';
import { sealAccount } from '../../domain/vault/vault';
import { FLOW_TOPICS } from './flowTopics';
import {
  countersOf,
  effectiveState,
  isMountTerminal,
  lockFlow,
  type FlowContext,
  type LockedFlow,
} from './flowContext';
import { WidgetApiFailure } from './widgetApiError';

const RVDM_TOPICS: Record<RvdmOutcome['result'], string> = {
  match: FLOW_TOPICS.RECIPIENT_VERIFICATION_SUCCESS,
  soft_mismatch: FLOW_TOPICS.RECIPIENT_VERIFICATION_SOFT_FAILURE,
  hard_mismatch: FLOW_TOPICS.RECIPIENT_VERIFICATION_FAILURE,
};

/**
 * POST /account (PRODUCT.md §2 steps 2–4): format checks (not an attempt), then recipient
 * verification, then sandbox account verification. A verified account is sealed onto the
 * mount for /confirm; a failure counts against its feature and the session, in one
 * transaction with its events.
 */
export async function submitAccount(
  context: FlowContext,
  ids: { sessionId: string; mountId: string },
  submission: AccountSubmission,
): Promise<AccountOutcome> {
  return context.store.transaction(async (tx) => {
    const flow = await lockFlow(tx, context.config, ids.sessionId, ids.mountId);
    if (effectiveState(flow.session) !== 'active') throw new WidgetApiFailure('wrong_state');
    if (!flow.program.funding_destinations.includes(submission.funding_destination)) {
      throw new WidgetApiFailure('not_enabled');
    }
    if (isMountTerminal(flow)) throw new WidgetApiFailure('wrong_state');

    const check = checkAccount(submission, context.now);
    if (!check.ok) return { result: 'invalid', fields: check.fields };
    const account = check.account;
    const destination = account.funding_destination;

    if (account.recipient) {
      const typed: RvdmValues = {
        first_name: account.recipient.first_name,
        last_name: account.recipient.last_name,
        ...account.recipient.address,
      };
      const rvdm = verifyRecipient(typed, recipientInformationOf(flow), flow.program.rvdm);
      await recordEvent(
        tx,
        flow.session,
        RVDM_TOPICS[rvdm.result],
        {
          event_name: RVDM_TOPICS[rvdm.result],
          status: rvdm.code,
          funding_destination: destination,
          field_results: rvdm.field_results,
        },
        { now: context.now },
      );
      if (rvdm.result === 'hard_mismatch') {
        return failAttempt(
          tx,
          context,
          flow,
          destination,
          'recipient_verification',
          '1105',
          rvdm.hard_mismatched_fields,
        );
      }
    }
    if (account.failureCode) {
      return failAttempt(
        tx,
        context,
        flow,
        destination,
        'account_verification',
        account.failureCode,
      );
    }

    const sealed = sealAccount(context.vaultKeys, flow.session, account);
    await tx.query(
      'UPDATE mounts SET funding_destination = $2, verified_account = $3 WHERE id = $1',
      [flow.mount.id, destination, JSON.stringify(sealed)],
    );
    return {
      result: 'verified',
      account: account.masked,
      attempts: attemptsRemaining(countersOf(flow), flow.program.attempt_limits),
    };
  });
}

/** The recipient_information given at session create, as RVDM compares it. */
function recipientInformationOf(flow: LockedFlow): RvdmValues {
  const info = (flow.session.params.recipient_information ?? {}) as Record<
    string,
    string | undefined
  >;
  return {
    first_name: info.first_name ?? '',
    last_name: info.last_name ?? '',
    address_line1: info.address_line1 ?? '',
    address_line2: info.address_line2,
    city: info.city ?? '',
    state: info.state ?? '',
    zip_code: info.zip_code ?? '',
  };
}

/** Counts one failed attempt, updates mount and session, and records its events. */
async function failAttempt(
  tx: Store,
  context: FlowContext,
  flow: LockedFlow,
  destination: AccountSubmission['funding_destination'],
  feature: VerificationFeature,
  code: string,
  mismatchedFields?: string[],
): Promise<AccountOutcome> {
  const limits = flow.program.attempt_limits;
  const { counters, status } = transition(countersOf(flow), feature, limits);
  const attempts = attemptsRemaining(counters, limits);
  const at = new Date(context.now);
  await tx.query(
    `UPDATE mounts SET recipient_verification_failures = $2, account_verification_failures = $3,
            funding_destination = $4, verified_account = NULL WHERE id = $1`,
    [flow.mount.id, counters.recipient_verification, counters.account_verification, destination],
  );
  const nextState =
    status === 'max_attempts_exceeded'
      ? (sessionTransition(effectiveState(flow.session), 'max_attempts_exceeded') ??
        flow.session.state)
      : flow.session.state;
  await tx.query(
    'UPDATE sessions SET attempts_used = $2, state = $3, updated_at = $4 WHERE id = $1',
    [flow.session.id, counters.session, nextState, at],
  );

  const record = (topic: string, event: Record<string, unknown>) =>
    recordEvent(tx, flow.session, topic, { event_name: topic, ...event }, { now: context.now });
  await record(FLOW_TOPICS.ACCOUNT_COULD_NOT_BE_VERIFIED, {
    status: code,
    feature,
    funding_destination: destination,
    attempt_count: counters.session,
    max_attempts: limits.per_session,
    feature_attempt_count: counters[feature],
    feature_max_attempts: limits.per_feature_per_mount,
    attempts_remaining: attempts[`${feature}_remaining`],
    ...(mismatchedFields ? { mismatched_fields: mismatchedFields } : {}),
  });
  if (status === 'max_attempts_exceeded') {
    await record(FLOW_TOPICS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED, {
      status: '1127',
      attempt_count: counters.session,
      max_attempts: limits.per_session,
    });
    return { result: 'max_attempts_exceeded' };
  }
  if (status === 'terminal') {
    await record(FLOW_TOPICS.TERMINAL_FAILURE, {
      feature,
      funding_destination: destination,
      error: code,
    });
  }
  return {
    result: 'verification_failed',
    feature,
    code,
    terminal: status === 'terminal',
    attempts,
    ...(mismatchedFields ? { mismatched_fields: mismatchedFields } : {}),
  };
}
