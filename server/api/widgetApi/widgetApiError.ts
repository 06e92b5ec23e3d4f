import type { FastifyReply } from 'fastify';
import type { SessionErrorCode } from '../../../protocol/constants';
import { WIDGET_API_ERRORS, type WidgetApiError } from '../../../protocol/widgetApi';
import type { SessionRow } from '../../domain/sessions/sessionRow';

/** One of the widget API's closed error codes (protocol `WIDGET_API_ERRORS`). */
export type WidgetApiErrorCode = keyof typeof WIDGET_API_ERRORS;

/**
 * A widget API failure a handler throws; the plugin's error handler turns it into the
 * protocol's error body with the code's fixed HTTP status. Carries codes and field names,
 * never a typed value.
 */
export class WidgetApiFailure extends Error {
  override readonly name = 'WidgetApiFailure';
  constructor(
    readonly code: WidgetApiErrorCode,
    readonly sessionError?: SessionErrorCode,
    readonly fields?: Record<string, string[]>,
  ) {
    super(`widget API: ${code}`);
  }

  /** The protocol body of this failure. */
  toBody(): WidgetApiError {
    return {
      error: this.code,
      ...(this.sessionError ? { session_error: this.sessionError } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

/** Sends `failure` with its code's HTTP status. */
export function sendFailure(reply: FastifyReply, failure: WidgetApiFailure): FastifyReply {
  return reply
    .code(WIDGET_API_ERRORS[failure.code])
    .header('cache-control', 'no-store')
    .send(failure.toBody());
}

/**
 * The failure for a session that can no longer change (410): `session_completed` after
 * TOKEN_SUCCESS, `session_terminated` after cancel, ops termination or max attempts.
 */
export function finalSessionFailure(session: Pick<SessionRow, 'state'>): WidgetApiFailure {
  return new WidgetApiFailure(
    'session_final',
    session.state === 'completed' ? 'session_completed' : 'session_terminated',
  );
}
