import type { ConfirmResponse } from '../../../protocol/widgetApi';
import type { FundingDestination } from '../../../protocol/constants';
import { changeMount, changeSession } from '../../domain/sessions/sessionChanges';
import { transition } from '../../domain/sessions/state';
import { tokenize, type SealedAccount } from '../../domain/vault/vault';
import { FLOW_TOPICS } from '../../../protocol/webhooks';
import { lockFlow, type FlowContext } from './flowContext';
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
    const nextState = transition(flow.session.state, 'token_success');
    if (!sealed?.sealed_payout || !nextState) throw new WidgetApiFailure('wrong_state');
    const token = await tokenize(tx, flow.session, sealed, context.now);
    // The ciphertext now lives in the vault only; the mount keeps the masked form, which the
    // ops API shows for the session.
    await changeMount(tx, flow.mount.id, {
      verified_account: { funding_destination: sealed.funding_destination, masked: sealed.masked },
    });
    const response: ConfirmResponse = {
      customer_account_token: token,
      funding_destination: sealed.funding_destination,
      account: sealed.masked,
    };
    await changeSession(
      tx,
      flow.session,
      {
        event: 'token_success',
        records: [{ topic: FLOW_TOPICS.TOKEN_SUCCESS, event: { ...response } }],
      },
      context.now,
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
    if (!transition(flow.session.state, 'canceled')) throw new WidgetApiFailure('wrong_state');
    await changeMount(tx, flow.mount.id, { verified_account: null });
    await changeSession(
      tx,
      flow.session,
      {
        event: 'canceled',
        records: [
          {
            topic: FLOW_TOPICS.FUNDING_CANCELED,
            event: {
              ...(flow.mount.funding_destination
                ? { funding_destination: flow.mount.funding_destination }
                : {}),
            },
          },
        ],
      },
      context.now,
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
    if (!transition(flow.session.state, 'flow_progressed'))
      throw new WidgetApiFailure('wrong_state');
    if (!flow.program.funding_destinations.includes(destination))
      throw new WidgetApiFailure('not_enabled');
    await changeMount(tx, flow.mount.id, {
      funding_destination: destination,
      verified_account: null,
    });
    await changeSession(
      tx,
      flow.session,
      {
        event: 'flow_progressed',
        records: [
          {
            topic: FLOW_TOPICS.FUNDING_DESTINATION_CHANGED,
            event: {
              funding_destination: destination,
              ...(flow.mount.funding_destination
                ? { previous_funding_destination: flow.mount.funding_destination }
                : {}),
            },
          },
        ],
      },
      context.now,
    );
    return { funding_destination: destination };
  });
}
