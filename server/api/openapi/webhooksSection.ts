import { WEBHOOK_TOPICS, webhookSchema, type WebhookTopic } from '../../../protocol/webhooks';
import type { NamedSchema } from './openApiParts';
import { schemaRef } from './openApiParts';

/** `PascalCase` component name of a topic: `session.created` → `SessionCreatedWebhook`. */
export function webhookSchemaName(topic: WebhookTopic): string {
  return `${topic
    .split(/[._]/)
    .filter((part) => part !== 'tokenframe')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')}Webhook`;
}

/** The webhook payload schemas as named components. */
export function webhookSchemas(): Record<string, NamedSchema> {
  return Object.fromEntries(
    WEBHOOK_TOPICS.map((topic) => [webhookSchemaName(topic), { schema: webhookSchema(topic) }]),
  );
}

/**
 * The document's `webhooks` (PRODUCT.md §7): one POST per topic to the program's webhook URL,
 * signed with `Tokenframe-Signature`, retried until a 2xx.
 */
export function webhooksSection(examples: Record<WebhookTopic, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    WEBHOOK_TOPICS.map((topic) => [
      topic,
      {
        post: {
          operationId: `webhook${webhookSchemaName(topic).replace(/Webhook$/, '')}`,
          tags: ['Webhooks'],
          summary: `The ${topic} event`,
          security: [{ webhookSignature: [] }],
          parameters: [
            {
              name: 'Tokenframe-Event-Id',
              in: 'header',
              required: true,
              description: 'Equals `metadata.id`: de-duplicate on it (delivery is at least once).',
              schema: { type: 'string', format: 'uuid' },
              example: '3e5a7c9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d',
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: schemaRef(webhookSchemaName(topic)),
                example: examples[topic],
              },
            },
          },
          responses: {
            '200': { description: 'Any 2xx acknowledges the event; anything else is retried.' },
          },
        },
      },
    ]),
  );
}
