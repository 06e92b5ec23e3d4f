/**
 * A response of the Session Management or ops API that is not a success, or a request that
 * never got an answer. `status` is the API's code (PRODUCT.md §1: 13400 field validation,
 * 13401 authentication, 13403 host not allowlisted, 13723 key reused with other parameters,
 * 13724 session of this key is final, 13429 rate limited, 13500 internal error), or `0` when
 * the network failed after every retry.
 */
export class TokenframeApiError extends Error {
  /** The API's status code (`13400`, …), `0` for a network failure. */
  readonly status: number;
  /** The HTTP status code (`400`, …), `0` for a network failure. */
  readonly httpStatus: number;
  /** Per-field messages of a 13400, keyed by dotted path: `{ "recipient_information.zip_code": ["…"] }`. */
  readonly fieldErrors: Record<string, string[]>;
  /** The API's `developer_message`, e.g. `invalid_request_fields`. */
  readonly developerMessage: string | undefined;
  /** The response's `X-Request-Id`, to quote to support. */
  readonly requestId: string | undefined;

  constructor(
    message: string,
    details: {
      status: number;
      httpStatus: number;
      fieldErrors?: Record<string, string[]>;
      developerMessage?: string;
      requestId?: string;
      cause?: unknown;
    },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'TokenframeApiError';
    this.status = details.status;
    this.httpStatus = details.httpStatus;
    this.fieldErrors = details.fieldErrors ?? {};
    this.developerMessage = details.developerMessage;
    this.requestId = details.requestId;
  }
}
