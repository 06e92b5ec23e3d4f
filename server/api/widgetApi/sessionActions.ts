import type { ConfirmResponse } from '../../../protocol/widgetApi';
import type { FundingDestination } from '../../../protocol/constants';
import { recordEvent } from '../../domain/events/recordEvent';
import { transition } from '../../domain/sessions/state';
import { tokenize, type SealedAccount } from '../../domain/vault/vault';
import { FLOW_TOPICS } from './flowTopics';
import { effectiveState, lockFlow, type FlowContext } from './flowContext';
import { WidgetApiFailure } from './widgetApiError';

type FlowIds = { sessionId: string; mountId: string };

/**
 * POST /confirm: tokenizes the account verified on this mount, completes the session and
 * records TOKEN_SUCCESS, all in one transaction. The sealed payout leaves the mount row.
 */
export async function confirmAccount(context: FlowContext, ids: FlowIds): Promise<ConfirmResponse> {
  return context.store.transaction(async (tx) => {
    const flow = await lockFlow(tx, context.config, ids.sessionId, ids.mountId);
    const sealed = flow.mount.verified_account as SealedAccount | null;
    const nextState = transition(effectiveState(flow.session), 'token_success');
    if (!sealed?.sealed_payout || !nextState) throw new WidgetApiFailure('wrong_state');
    const token = await tokenize(tx, flow.session, sealed, context.now);
    // The ciphertext now lives in the vault only; the mount keeps the masked form, which the
    // ops API shows for the session.
    await tx.query('UPDATE mounts SET verified_account = $2 WHERE id = $1', [
      flow.mount.id,
      JSON.stringify({ funding_destination: sealed.funding_destination, masked: sealed.masked }),
    ]);
    await tx.query('UPDATE sessions SET state = $2, updated_at = $3 WHERE id = $1', [
      flow.session.id,
      nextState,
      new Date(context.now),
    ]);
    const response: ConfirmResponse = {
      customer_account_token: token,
      funding_destination: sealed.funding_destination,
      account: sealed.masked,
    };
    await recordEvent(
      tx,
      flow.session,
      FLOW_TOPICS.TOKEN_SUCCESS,
      { event_name: FLOW_TOPICS.TOKEN_SUCCESS, status: 'tokenized', ...response },
      { now: context.now },
    );
    return response;
  });
}

/** POST /cancel: the recipient canceled; the session becomes `canceled` (final). */
export async function cancelSession(
  context: FlowContext,
  ids: FlowIds,
): Promise<{ status: 'canceled' }> {
  return context.store.transaction(async (tx) => {
    const flow = await lockFlow(tx, context.config, ids.sessionId, ids.mountId);
    const nextState = transition(effectiveState(flow.session), 'canceled');
    if (!nextState) throw new WidgetApiFailure('wrong_state');
    await tx.query('UPDATE mounts SET verified_account = NULL WHERE id = $1', [flow.mount.id]);
    await tx.query('UPDATE sessions SET state = $2, updated_at = $3 WHERE id = $1', [
      flow.session.id,
      nextState,
      new Date(context.now),
    ]);
    await recordEvent(
      tx,
      flow.session,
      FLOW_TOPICS.FUNDING_CANCELED,
      {
        event_name: FLOW_TOPICS.FUNDING_CANCELED,
        status: 'canceled',
        ...(flow.mount.funding_destination
          ? { funding_destination: flow.mount.funding_destination }
          : {}),
      },
      { now: context.now },
    );
    return { status: 'canceled' };
  });
}

/**
 * POST /destination: the recipient chose another enabled method. Any account verified for
 * the previous method is dropped, so /confirm cannot tokenize it by mistake.
 */
export async function changeDestination(
  context: FlowContext,
  ids: FlowIds,
  destination: FundingDestination,
): Promise<{ funding_destination: FundingDestination }> {
  return context.store.transaction(async (tx) => {
    const flow = await lockFlow(tx, context.config, ids.sessionId, ids.mountId);
    if (effectiveState(flow.session) !== 'active') throw new WidgetApiFailure('wrong_state');
    if (!flow.program.funding_destinations.includes(destination))
      throw new WidgetApiFailure('not_enabled');
    await tx.query(
      'UPDATE mounts SET funding_destination = $2, verified_account = NULL WHERE id = $1',
      [flow.mount.id, destination],
    );
    await recordEvent(
      tx,
      flow.session,
      FLOW_TOPICS.FUNDING_DESTINATION_CHANGED,
      {
        event_name: FLOW_TOPICS.FUNDING_DESTINATION_CHANGED,
        funding_destination: destination,
        ...(flow.mount.funding_destination
          ? { previous_funding_destination: flow.mount.funding_destination }
          : {}),
      },
      { now: context.now },
    );
    return { funding_destination: destination };
  });
}
