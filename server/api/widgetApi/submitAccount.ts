import type { AccountOutcome, AccountSubmission } from '../../../protocol/widgetApi';
import type { VerificationFeature } from '../../../protocol/constants';
import type { Store } from '../../storage/store';
import {
  changeMount,
  changeSession,
  type SessionRecord,
} from '../../domain/sessions/sessionChanges';
import { transition as sessionTransition } from '../../domain/sessions/state';
import { checkAccount } from '../../domain/sandbox/checkAccount';
import { attemptsRemaining, transition } from '../../domain/verification/attempts';
import {
  verifyRecipient,
  type RvdmOutcome,
  type RvdmValues,
} from '../../domain/verification/recipientVerification';
import { sealAccount } from '../../domain/vault/vault';
import { FLOW_TOPICS, type WebhookTopic } from '../../../protocol/webhooks';
import {
  countersOf,
  isMountTerminal,
  lockFlow,
  type FlowContext,
  type LockedFlow,
} from './flowContext';
import { WidgetApiFailure } from './widgetApiError';

const RVDM_TOPICS: Record<RvdmOutcome['result'], WebhookTopic> = {
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
    if (!sessionTransition(flow.session.state, 'flow_progressed'))
      throw new WidgetApiFailure('wrong_state');
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
      flow.session = await changeSession(
        tx,
        flow.session,
        {
          event: 'flow_progressed',
          records: [
            {
              topic: RVDM_TOPICS[rvdm.result],
              event: {
                code: rvdm.code,
                funding_destination: destination,
                field_results: rvdm.field_results,
              },
            },
          ],
        },
        context.now,
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
    await changeMount(tx, flow.mount.id, {
      funding_destination: destination,
      verified_account: sealed,
    });
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
  await changeMount(tx, flow.mount.id, {
    recipient_verification_failures: counters.recipient_verification,
    account_verification_failures: counters.account_verification,
    funding_destination: destination,
    verified_account: null,
  });
  const records: SessionRecord[] = [
    {
      topic: FLOW_TOPICS.ACCOUNT_COULD_NOT_BE_VERIFIED,
      event: {
        code,
        feature,
        funding_destination: destination,
        attempt_count: counters.session,
        max_attempts: limits.per_session,
        feature_attempt_count: counters[feature],
        feature_max_attempts: limits.per_feature_per_mount,
        attempts_remaining: attempts[`${feature}_remaining`],
        ...(mismatchedFields ? { mismatched_fields: mismatchedFields } : {}),
      },
    },
  ];
  if (status === 'max_attempts_exceeded')
    records.push({
      topic: FLOW_TOPICS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED,
      event: { code: '1127', attempt_count: counters.session, max_attempts: limits.per_session },
    });
  if (status === 'terminal')
    records.push({
      topic: FLOW_TOPICS.TERMINAL_FAILURE,
      event: { feature, funding_destination: destination, error: code },
    });
  await changeSession(
    tx,
    flow.session,
    {
      event: status === 'max_attempts_exceeded' ? 'max_attempts_exceeded' : 'flow_progressed',
      set: { attempts_used: counters.session },
      records,
    },
    context.now,
  );
  if (status === 'max_attempts_exceeded') return { result: 'max_attempts_exceeded' };
  return {
    result: 'verification_failed',
    feature,
    code,
    terminal: status === 'terminal',
    attempts,
    ...(mismatchedFields ? { mismatched_fields: mismatchedFields } : {}),
  };
}
