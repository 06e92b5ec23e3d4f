// A merchant's backend against @tokenframe/node and @tokenframe/testing (nodenext, strict, no zod).
import { Tokenframe, TokenframeApiError, sign, type CreateSessionResponse } from '@tokenframe/node';
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
