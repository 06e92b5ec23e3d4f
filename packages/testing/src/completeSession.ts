import { testData as defaultTestData, type TestData } from './testData';

/** The destinations {@link completeSession} can complete. */
export type CompletableDestination = 'debit' | 'credit' | 'ach' | 'paypal' | 'billpay';

/** Options of {@link completeSession}. */
export interface CompleteSessionOptions {
  /** Which flow to run. Default: `debit`. */
  destination?: CompletableDestination;
  /** The test data to type (default: the sandbox's {@link testData}). */
  testData?: TestData;
  /** PayPal only: link the account by its `email` (default) or its mobile `phone` number. */
  paypalContact?: 'email' | 'phone';
  /**
   * The name and address to type; they must match the session's `recipient_information`
   * for recipient verification to pass. Default: `testData.recipient`.
   */
  recipient?: {
    first_name: string;
    last_name: string;
    address_line1: string;
    city: string;
    state: string;
    zip_code: string;
  };
}

/** What a completed session returned (the TOKEN_SUCCESS payload's fields). */
export interface CompletedSession {
  /** The session id from the URL. */
  session_identifier: string;
  /** The token the widget would report in TOKEN_SUCCESS, `cat_…`. */
  customer_account_token: string;
  /** The destination that was completed. */
  funding_destination: string;
  /** The masked account, e.g. `{ display: '•••• 5556', last4: '5556', brand: 'visa' }`. */
  account: { display: string; last4?: string; brand?: string; bank_name?: string };
}

/** Thrown when a step of the flow does not answer as a sandbox success would. */
export class CompleteSessionError extends Error {
  constructor(
    step: string,
    readonly httpStatus: number,
    readonly body: unknown,
  ) {
    super(`completeSession: ${step} answered HTTP ${httpStatus}: ${JSON.stringify(body)}`);
    this.name = 'CompleteSessionError';
  }
}

/**
 * Completes a sandbox session without a browser, through the same widget API calls the
 * widget makes (exchange the URL, submit the account, confirm), for merchants' server-side
 * tests. Spends the URL (single use) and makes the session `completed`; webhooks follow as
 * for a recipient's flow.
 * @example
 * const { data } = await tokenframe.sessions.create({ participant_unique_id1: 'u1', recipient_information: testData.recipient });
 * const { customer_account_token } = await completeSession(data.authorized_url, { destination: 'ach' });
 */
export async function completeSession(
  authorizedUrl: string,
  options: CompleteSessionOptions = {},
): Promise<CompletedSession> {
  const data = options.testData ?? defaultTestData;
  const recipient = options.recipient ?? data.recipient;
  const destination = options.destination ?? 'debit';
  const url = new URL(authorizedUrl);
  const sessionIdentifier = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop()!);
  const call = async (step: string, body: unknown, token?: string) => {
    const response = await fetch(`${url.origin}/api/widget/v1/${step}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new CompleteSessionError(step, response.status, json);
    return json as Record<string, unknown>;
  };

  const exchanged = await call('exchange', {
    session_identifier: sessionIdentifier,
    t: url.searchParams.get('t') ?? '',
    h: url.searchParams.get('h') ?? '',
  });
  const token = exchanged.access_token as string;
  const holder = { first_name: recipient.first_name, last_name: recipient.last_name };
  const address = {
    address_line1: recipient.address_line1,
    city: recipient.city,
    state: recipient.state,
    zip_code: recipient.zip_code,
  };
  const card = (number: string) => ({
    funding_destination: destination,
    ...holder,
    card_number: number,
    expiration_month: data.cardExpiration.month,
    expiration_year: data.cardExpiration.year,
    address,
  });
  const submission =
    destination === 'ach'
      ? {
          funding_destination: 'ach',
          ...holder,
          routing_number: data.ach.verified.routingNumber,
          account_number: data.ach.verified.accountNumber,
          account_type: 'checking',
          address,
        }
      : destination === 'paypal'
        ? options.paypalContact === 'phone'
          ? { funding_destination: 'paypal', phone_number: data.paypalPhone }
          : { funding_destination: 'paypal', email_address: data.paypalEmail }
        : destination === 'billpay'
          ? {
              funding_destination: 'billpay',
              biller_id: data.billpay.billerId,
              account_number: data.billpay.accountNumber,
            }
          : card(destination === 'credit' ? data.creditCards.visa : data.debitCards.visa);
  const outcome = await call('account', submission, token);
  if (outcome.result !== 'verified') throw new CompleteSessionError('account', 200, outcome);
  const confirmed = await call('confirm', {}, token);
  return {
    session_identifier: sessionIdentifier,
    customer_account_token: confirmed.customer_account_token as string,
    funding_destination: confirmed.funding_destination as string,
    account: confirmed.account as CompletedSession['account'],
  };
}
