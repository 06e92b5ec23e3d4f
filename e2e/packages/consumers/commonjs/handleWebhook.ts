// TypeScript compiled to CommonJS (`"type": "commonjs"`, module nodenext): the import below
// becomes a require() of the ESM package, which TypeScript accepts for Node ≥ 20.19.
import { Tokenframe, type WebhookEvent } from '@tokenframe/node';

const tokenframe = new Tokenframe({ baseUrl: 'http://localhost:8080', username: 'u', secret: 's' });

export function handleWebhook(rawBody: string, header: string): string {
  const event: WebhookEvent = tokenframe.webhooks.constructEvent(rawBody, header, 'secret');
  const payload = event.data.event;
  if (payload.event_name === 'tokenframe.funding_destination_changed') {
    // @ts-expect-error a misspelt field
    return payload.previous_destination;
  }
  return payload.event_name;
}
