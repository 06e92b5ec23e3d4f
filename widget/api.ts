import {
  WIDGET_API_BASE,
  billerSchema,
  cancelResponseSchema,
  changeDestinationRequestSchema,
  confirmResponseSchema,
  exchangeRequestSchema,
  exchangeResponseSchema,
  widgetApiErrorSchema,
  type ConfirmResponse,
  type ExchangeRequest,
  type ExchangeResponse,
  type FundingDestination,
  type SessionErrorCode,
  type WidgetApiError,
} from '../protocol';
import * as z from 'zod/mini';

/** Why a widget API call failed: the service's closed codes plus two client-side ones. */
export type WidgetApiFailureCode = WidgetApiError['error'] | 'network' | 'invalid_response';

/** A failed widget API call. Carries codes and field names only, never what was typed. */
export class WidgetApiFailure extends Error {
  override readonly name = 'WidgetApiFailure';
  constructor(
    readonly code: WidgetApiFailureCode,
    /** Set when the service says a session error page applies. */
    readonly sessionError?: SessionErrorCode,
    /** Field name → error keys, for `invalid_request`. */
    readonly fields?: Record<string, string[]>,
  ) {
    // The class names the context in a stack trace; the message is the code alone.
    super(sessionError ? `${code} (${sessionError})` : code);
  }
}

/**
 * Validates a request body against its protocol schema before it leaves. A failure names no
 * value (a ZodError would carry the offending input, which may be an account number).
 */
function outgoing<T>(schema: z.ZodMiniType<T>, body: T): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new WidgetApiFailure('invalid_request');
  return parsed.data;
}

/** A biller from the shipped directory. */
export type Biller = z.infer<typeof billerSchema>;

/**
 * Typed client of the widget API (`protocol/widgetApi.ts`). Requests are validated before
 * they leave and responses before they are used. The bearer token from the exchange lives in
 * this object; only a standalone page also keeps it in its own first-party `sessionStorage` to
 * survive a reload (`resumeOrExchange.ts`, PRODUCT.md §5). Never a cookie.
 */
export class WidgetApiClient {
  private accessToken: string | null = null;
  /**
   * Until when (epoch ms) the service refuses /account and /confirm: its `Retry-After` on a
   * 429. Sent earlier, a call would be refused and counted again, keeping the limit hit
   * (PRODUCT.md §10), so it fails here as `rate_limited` without leaving.
   */
  private limitedUntil = 0;

  constructor(
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    private readonly baseUrl: string = WIDGET_API_BASE,
  ) {}

  /** Trades the authorized_url's parts for a bearer token. Single use. */
  async exchange(request: ExchangeRequest): Promise<ExchangeResponse> {
    const body = outgoing(exchangeRequestSchema, request);
    const response = await this.call('POST', '/exchange', body, exchangeResponseSchema, false);
    this.accessToken = response.access_token;
    return response;
  }

  /**
   * Takes over the bearer token of a mount stored before a reload (standalone only, see
   * `resumeOrExchange.ts`) and checks that the service still accepts it. The widget API has
   * no session read, so the check is a biller search: authenticated and free of side effects.
   * `false` when the token is unknown or expired.
   */
  async resume(accessToken: string): Promise<boolean> {
    this.accessToken = accessToken;
    try {
      await this.searchBillers('');
      return true;
    } catch (error) {
      // 403 not_enabled (no BillPay in the program) still proves the token is live.
      if (error instanceof WidgetApiFailure && error.code === 'not_enabled') return true;
      if (error instanceof WidgetApiFailure && error.code === 'unauthorized') {
        this.accessToken = null;
        return false;
      }
      throw error;
    }
  }

  /**
   * Sends the account the recipient typed, checked against `submissionSchema`, and reads the
   * outcome with `outcomeSchema`. The caller brings both (`flow/sendAccount.ts`, in the chunk
   * after READY), so that the boot set does not carry them.
   */
  async postAccount<T, O>(
    submission: T,
    submissionSchema: z.ZodMiniType<T>,
    outcomeSchema: z.ZodMiniType<O>,
  ): Promise<O> {
    return this.call('POST', '/account', outgoing(submissionSchema, submission), outcomeSchema);
  }

  /** Tokenizes the verified account. */
  confirm(): Promise<ConfirmResponse> {
    return this.call('POST', '/confirm', {}, confirmResponseSchema);
  }

  /** Cancels the session on the recipient's request. */
  async cancel(): Promise<void> {
    await this.call('POST', '/cancel', {}, cancelResponseSchema);
  }

  /** Switches the session to another enabled destination ("use a different method"). */
  async changeDestination(fundingDestination: FundingDestination): Promise<void> {
    const body = outgoing(changeDestinationRequestSchema, {
      funding_destination: fundingDestination,
    });
    await this.call('POST', '/destination', body, z.unknown());
  }

  /** Searches the shipped biller directory (BillPay). */
  searchBillers(query: string, signal?: AbortSignal): Promise<Biller[]> {
    const path = `/billers?q=${encodeURIComponent(query)}`;
    return this.call('GET', path, undefined, z.array(billerSchema), true, signal);
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T>,
    authenticated = true,
    signal?: AbortSignal,
  ): Promise<T> {
    // Only these two are counted; cancel and every other call always go.
    if ((path === '/account' || path === '/confirm') && Date.now() < this.limitedUntil)
      throw new WidgetApiFailure('rate_limited');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authenticated && this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new WidgetApiFailure('network');
    }
    const json: unknown = await response.json().catch(() => undefined);
    // Whole seconds from the service (an HTTP-date form reads as NaN, which blocks nothing).
    // Only /exchange, /account and /confirm are limited; an exchange's wait is over long
    // before the recipient has typed an account.
    if (response.status === 429)
      this.limitedUntil = Date.now() + 1000 * Number(response.headers.get('retry-after'));
    if (!response.ok) {
      const parsed = widgetApiErrorSchema.safeParse(json);
      if (!parsed.success)
        throw new WidgetApiFailure(response.status >= 500 ? 'internal' : 'invalid_response');
      throw new WidgetApiFailure(parsed.data.error, parsed.data.session_error, parsed.data.fields);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new WidgetApiFailure('invalid_response');
    return parsed.data;
  }
}
