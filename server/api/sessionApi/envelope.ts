import type { FastifyReply, FastifyRequest } from 'fastify';

/** Every status of the Session Management API with its HTTP status and client message. */
export const API_STATUS = {
  CREATED: { status: 100, http: 200, message: 'Success' },
  IDEMPOTENT: { status: 101, http: 200, message: 'Success - Idempotent' },
  OK: { status: 100, http: 200, message: 'Success' },
  INVALID_FIELDS: {
    status: 13400,
    http: 400,
    message: 'Field validation error - See data element for validation error details',
  },
  UNAUTHORIZED: { status: 13401, http: 401, message: 'Unauthorized' },
  HOST_NOT_ALLOWED: {
    status: 13403,
    http: 401,
    message: 'Unauthorized - host_uri is not allowlisted',
  },
  NOT_FOUND: { status: 13404, http: 404, message: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 13405, http: 405, message: 'Method not allowed' },
  KEY_MISMATCH: { status: 13723, http: 422, message: 'Idempotency key mismatch' },
  SESSION_FINAL: {
    status: 13724,
    http: 409,
    message: 'The session of this idempotency key has ended - create a new session',
  },
  RATE_LIMITED: { status: 13429, http: 429, message: 'Too many requests' },
  INTERNAL: { status: 13500, http: 500, message: 'Internal error' },
} as const;

/** One row of {@link API_STATUS}. */
export type ApiStatus = (typeof API_STATUS)[keyof typeof API_STATUS];

/** The response envelope `{status, client_message, developer_message?, data, time}`. */
export interface Envelope {
  status: number;
  client_message: string;
  developer_message?: string;
  data: unknown;
  time: number;
}

/** Builds the envelope; `time` is the seconds spent on the request so far. */
export function envelope(
  reply: FastifyReply,
  status: ApiStatus,
  data: unknown = null,
  overrides: { client_message?: string; developer_message?: string } = {},
): Envelope {
  return {
    status: status.status,
    client_message: overrides.client_message ?? status.message,
    ...(overrides.developer_message ? { developer_message: overrides.developer_message } : {}),
    data,
    time: Math.round(reply.elapsedTime) / 1000,
  };
}

const sentStatuses = new WeakMap<FastifyReply, number>();

/** The envelope status a reply was sent with (metrics count creates by it), if any. */
export function apiStatusOf(reply: FastifyReply): number | undefined {
  return sentStatuses.get(reply);
}

/** Sends the envelope with the row's HTTP status. */
export function sendEnvelope(
  _request: FastifyRequest,
  reply: FastifyReply,
  status: ApiStatus,
  data: unknown = null,
  overrides: { client_message?: string; developer_message?: string; httpStatus?: number } = {},
): FastifyReply {
  sentStatuses.set(reply, status.status);
  return reply
    .code(overrides.httpStatus ?? status.http)
    .send(envelope(reply, status, data, overrides));
}

/**
 * A refusal a Session API handler or hook throws; the plugin's error handler sends it as the
 * envelope of `status`.
 */
export class SessionApiFailure extends Error {
  override readonly name = 'SessionApiFailure';
  constructor(
    readonly status: ApiStatus,
    readonly data: unknown = null,
    readonly overrides: { client_message?: string; developer_message?: string } = {},
  ) {
    super(`session API: ${status.status}`);
  }
}
