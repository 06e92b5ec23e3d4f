// A merchant's bundler code against @tokenframe/js, compiled with strict tsc and no zod.
import {
  create,
  EVENTS,
  FUNDING_DESTINATIONS,
  TokenframeError,
  type EventPayload,
  type TokenframeEvent,
} from '@tokenframe/js';

const plugin = create('#capture', {
  title: 'Add your debit card',
  fetchAuthorizedUrl: async ({ reason, signal }) => {
    const response = await fetch(`/session?reason=${reason}`, { method: 'POST', signal });
    return (await response.json()) as {
      authorized_url: string;
      authorized_url_expiration_utc: string;
    };
  },
});

plugin.on(EVENTS.TOKEN_SUCCESS, (event) => {
  const token: string = event.customer_account_token;
  const last4: string | undefined = event.account.last4;
  // @ts-expect-error a misspelt payload field is a compile error, not `any`
  console.log(token, last4, event.customer_acount_token);
});
plugin.on('SESSION_ERROR', (event) => {
  const code:
    'url_expired' | 'url_used' | 'session_completed' | 'session_terminated' | 'invalid_url' =
    event.error;
  console.log(code);
});
// @ts-expect-error an unknown event name is a compile error
plugin.on('tokenframe.token_sucess', () => undefined);
// @ts-expect-error an unknown event key is a compile error
plugin.addEventListener('TOKEN_SUCESS', () => undefined);

const exhaustive = (event: TokenframeEvent): string => event.tracer_token;
const ready: Promise<EventPayload<'READY'>> = plugin.mount(FUNDING_DESTINATIONS.DEBIT);
void plugin.mount({ authorized_url: 'https://x.example/session/s?t=1&h=2' }, 'ach');
// @ts-expect-error not a funding destination
void plugin.mount('https://x.example/session/s', 'wire');
ready.catch((error: unknown) => {
  if (error instanceof TokenframeError) console.log(error.code === 'reauthorization_failed');
});
export { exhaustive };
