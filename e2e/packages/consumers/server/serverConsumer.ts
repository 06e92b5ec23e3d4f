// A merchant's backend against @tokenframe/node and @tokenframe/testing (nodenext, strict, no zod).
import {
  Tokenframe,
  TokenframeApiError,
  sign,
  type CreateSessionResponse,
  type WebhookEvent,
  type WebhookPayloadByTopic,
} from '@tokenframe/node';
import { completeSession, completeInWidget, testData } from '@tokenframe/testing';

const tokenframe = new Tokenframe({
  baseUrl: 'http://localhost:8080',
  username: 'demo',
  secret: 'demo-secret',
});

export async function createSession(userId: string): Promise<CreateSessionResponse> {
  const response = await tokenframe.sessions.create(
    { participant_unique_id1: userId, recipient_information: testData.recipient },
    { idempotencyKey: `payout-${userId}` },
  );
  const status: 100 | 101 = response.status;
  // @ts-expect-error a misspelt response field
  console.log(status, response.data.authorized_ur);
  return response;
}

export async function misuse(): Promise<void> {
  await tokenframe.sessions.create({
    participant_unique_id1: 'u',
    // @ts-expect-error state must be a US state code
    recipient_information: { ...testData.recipient, state: 'ZZ' },
  });
  await tokenframe.sessions.create({
    participant_unique_id1: 'u',
    // @ts-expect-error unknown request fields are compile errors
    recipient_information: { ...testData.recipient, middle_name: 'Q' },
  });
}

export async function completedSessions(): Promise<string[]> {
  const page = await tokenframe.sessions.list({ status: 'completed', limit: 10 });
  // @ts-expect-error not a session state
  await tokenframe.sessions.list({ status: 'done' });
  return page.data.sessions.map((session) => session.session_identifier);
}

export async function everyCompletedSession(): Promise<string[]> {
  const ids: string[] = [];
  for await (const session of tokenframe.sessions.list({ status: 'completed', limit: 100 })) {
    // @ts-expect-error a misspelt field of a listed session
    console.log(session.session_identifer);
    ids.push(session.session_identifier);
  }
  await tokenframe.sessions.list().autoPagingEach((session) => session.state !== 'active');
  return [
    ...ids,
    ...(await tokenframe.sessions.list().autoPagingToArray({ limit: 10 })).map((s) => s.state),
  ];
}

export function handleWebhook(rawBody: Buffer, header: string): string {
  const event = tokenframe.webhooks.constructEvent(rawBody, header, ['old-secret', 'new-secret']);
  // @ts-expect-error a misspelt webhook field
  console.log(event.metadata.topik);
  const payload = event.data.event;
  if (payload.event_name === 'tokenframe.token_success') {
    const token: string = payload.customer_account_token;
    const last4: string | undefined = payload.account.last4;
    console.log(token, last4);
  }
  return event.data.ancillary.session_id;
}

/** One line per topic: the switch must name every topic, or `unhandled` is not `never`. */
export function describeWebhook(event: WebhookEvent): string {
  const payload = event.data.event;
  const participant2: string = event.data.ancillary.participant_unique_id2;
  switch (payload.event_name) {
    case 'session.created':
      return `${participant2} created in ${payload.language_locale_code} for ${payload.host_origin}`;
    case 'session.authorized_url_issued':
      return `URL until ${payload.authorized_url_expiration_utc}`;
    case 'session.mounted':
    case 'session.expired':
    case 'session.terminated':
      return payload.event_name;
    case 'tokenframe.token_success':
      return payload.customer_account_token;
    case 'tokenframe.funding_canceled':
      return `canceled on ${payload.funding_destination ?? 'no method'}`;
    case 'tokenframe.account_could_not_be_verified': {
      const remaining: number = payload.attempts_remaining;
      // @ts-expect-error a misspelt field of a failure topic
      console.log(payload.attempts_remainig);
      // @ts-expect-error only token_success carries the token
      console.log(payload.customer_account_token);
      return `${payload.code}: ${payload.feature} failed, ${remaining} left (${payload.mismatched_fields?.join() ?? ''})`;
    }
    case 'tokenframe.max_verification_attempts_exceeded':
      return `${payload.attempt_count}/${payload.max_attempts}`;
    case 'tokenframe.terminal_failure':
      return `${payload.feature}: ${payload.error}`;
    case 'tokenframe.recipient_verification.success':
    case 'tokenframe.recipient_verification.soft_failure':
    case 'tokenframe.recipient_verification.failure':
      return payload.field_results
        .map((result) => `${result.field_name}=${result.is_matching}`)
        .join();
    case 'tokenframe.funding_destination_changed':
      return `${payload.previous_funding_destination ?? '-'} → ${payload.funding_destination}`;
    default: {
      const unhandled: never = payload;
      return unhandled;
    }
  }
}

/** A handler of one topic, typed by it. */
export function onTokenSuccess(event: WebhookEvent<'tokenframe.token_success'>): string {
  // @ts-expect-error a misspelt field of the session.created payload
  const wrong: WebhookPayloadByTopic['session.created']['host_orign'] = '';
  console.log(wrong);
  return event.data.event.account.display;
}

export const headers = sign({
  method: 'GET',
  pathAndQuery: '/api/v1/sessions',
  body: '',
  username: 'demo',
  secret: 's',
});
export const isApiError = (error: unknown) =>
  error instanceof TokenframeApiError && error.status === 13400;
export { completeSession, completeInWidget };
