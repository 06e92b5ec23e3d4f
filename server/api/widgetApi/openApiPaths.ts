import * as z from 'zod';
import {
  billerSchema,
  cancelResponseSchema,
  changeDestinationRequestSchema,
  confirmResponseSchema,
  exchangeRequestSchema,
  exchangeResponseSchema,
  widgetApiErrorSchema,
  WIDGET_API_BASE,
} from '../../../protocol/widgetApi';
import { accountOutcomeSchema, accountSubmissionSchema } from '../../../protocol/accountSubmission';
import { RETRY_AFTER, jsonRequest, jsonResponse, type OpenApiPart } from '../openapi/openApiParts';

const SESSION_ID = '6f1c2a7e-3b9d-4c51-8e0a-2d4f6b8c9e10';
const attempts = {
  recipient_verification_remaining: 3,
  account_verification_remaining: 3,
  session_remaining: 5,
};
const account = { last4: '5556', display: '•••• 5556', brand: 'visa' };
const error = (description: string, body: object, headers?: Record<string, unknown>) =>
  jsonResponse(description, 'WidgetApiError', body, headers);
const bearer = [{ widgetBearer: [] }];

/** The card-testing defence on /account and /confirm (PRODUCT.md §10). */
const callLimited = error(
  'rate_limited: the mount, session or client IP is past its call limit (widget_call_limits)',
  { error: 'rate_limited' },
  RETRY_AFTER,
);

/** Errors every bearer-token route can answer. */
const errors = {
  '400': error('invalid_request: `fields` maps each failing path to zod issue codes', {
    error: 'invalid_request',
    fields: { card_number: ['invalid_format'] },
  }),
  '401': error('unauthorized: missing, unknown or expired bearer token', {
    error: 'unauthorized',
  }),
  '409': error('wrong_state: not possible at this point of the flow', { error: 'wrong_state' }),
  '410': error('session_final: the session has ended', {
    error: 'session_final',
    session_error: 'session_completed',
  }),
  '500': error('internal: logged with the request id, no details returned', {
    error: 'internal',
  }),
};
const notEnabled = error('not_enabled: the program does not enable this destination', {
  error: 'not_enabled',
});

/** The widget API (protocol/widgetApi.ts), exchange included: the widget's own calls. */
export function widgetApiOpenApi(): OpenApiPart {
  return {
    schemas: {
      ExchangeRequest: { schema: exchangeRequestSchema, io: 'input' },
      ExchangeResponse: { schema: exchangeResponseSchema },
      AccountSubmission: { schema: accountSubmissionSchema, io: 'input' },
      AccountOutcome: { schema: accountOutcomeSchema },
      ConfirmResponse: { schema: confirmResponseSchema },
      CancelResponse: { schema: cancelResponseSchema },
      ChangeDestinationRequest: { schema: changeDestinationRequestSchema, io: 'input' },
      ChangeDestinationResponse: { schema: changeDestinationRequestSchema },
      BillerList: { schema: z.array(billerSchema) },
      WidgetApiError: { schema: widgetApiErrorSchema },
    },
    paths: {
      [`${WIDGET_API_BASE}/exchange`]: {
        post: {
          operationId: 'exchangeAuthorizedUrl',
          tags: ['Widget'],
          summary: 'Trade an authorized_url for a bearer token (single use)',
          description:
            'Unauthenticated, so rate limited per client IP. Expired and used URLs answer 401 (the SDK re-requests); ended sessions 410.',
          security: [],
          requestBody: jsonRequest('ExchangeRequest', {
            session_identifier: SESSION_ID,
            t: '1795435230000',
            h: '8bX0c2lnbmF0dXJl',
          }),
          responses: {
            '200': jsonResponse('Mounted: the bearer token and the session', 'ExchangeResponse', {
              access_token: 'tfa_c2VjcmV0LWJlYXJlci10b2tlbi1leGFtcGxl',
              session: {
                session_identifier: SESSION_ID,
                tracer_token: 'trc_V2hhdCBhIHRyYWNl',
                language_locale_code: 'en-US',
                theme_variant: 'light',
                host_origin: 'https://pay.acme.example',
                funding_destinations: ['debit', 'ach'],
                attempts,
              },
            }),
            '400': error('invalid_request: the body is not an authorized_url', {
              error: 'invalid_request',
              session_error: 'invalid_url',
            }),
            '401': error('unauthorized: invalid_url, url_expired or url_used', {
              error: 'unauthorized',
              session_error: 'url_expired',
            }),
            '410': errors['410'],
            '429': error(
              'rate_limited: this client IP sent too many exchanges',
              { error: 'rate_limited' },
              RETRY_AFTER,
            ),
            '500': errors['500'],
          },
        },
      },
      [`${WIDGET_API_BASE}/account`]: {
        post: {
          operationId: 'submitAccount',
          tags: ['Widget'],
          summary: 'Submit the account the recipient typed; verification runs here',
          security: bearer,
          requestBody: jsonRequest('AccountSubmission', {
            funding_destination: 'debit',
            first_name: 'Jack',
            last_name: 'Frost',
            card_number: '4000056655665556',
            expiration_month: 12,
            expiration_year: 2030,
            address: {
              address_line1: '123 Main St',
              city: 'Atlanta',
              state: 'GA',
              zip_code: '30313',
            },
          }),
          responses: {
            '200': jsonResponse(
              'The outcome: verified, invalid, failed attempt or limit',
              'AccountOutcome',
              {
                result: 'verified',
                account,
                attempts,
              },
            ),
            '403': notEnabled,
            ...errors,
            '429': callLimited,
          },
        },
      },
      [`${WIDGET_API_BASE}/confirm`]: {
        post: {
          operationId: 'confirmAccount',
          tags: ['Widget'],
          summary: 'Tokenize the verified account; the session completes',
          security: bearer,
          responses: {
            '200': jsonResponse('Tokenized', 'ConfirmResponse', {
              customer_account_token: 'cat_Q3VzdG9tZXJBY2NvdW50VG9rZW4',
              funding_destination: 'debit',
              account,
            }),
            ...errors,
            '429': callLimited,
          },
        },
      },
      [`${WIDGET_API_BASE}/cancel`]: {
        post: {
          operationId: 'cancelSession',
          tags: ['Widget'],
          summary: 'The recipient canceled; the session ends',
          security: bearer,
          responses: {
            '200': jsonResponse('Canceled', 'CancelResponse', { status: 'canceled' }),
            ...errors,
          },
        },
      },
      [`${WIDGET_API_BASE}/destination`]: {
        post: {
          operationId: 'changeDestination',
          tags: ['Widget'],
          summary: 'Switch to another enabled funding destination',
          security: bearer,
          requestBody: jsonRequest('ChangeDestinationRequest', { funding_destination: 'ach' }),
          responses: {
            '200': jsonResponse('Switched', 'ChangeDestinationResponse', {
              funding_destination: 'ach',
            }),
            '403': notEnabled,
            ...errors,
          },
        },
      },
      [`${WIDGET_API_BASE}/billers`]: {
        get: {
          operationId: 'searchBillers',
          tags: ['Widget'],
          summary: 'Search the biller directory (up to 20 results)',
          security: bearer,
          parameters: [
            {
              name: 'q',
              in: 'query',
              required: false,
              schema: { type: 'string', maxLength: 100 },
              example: 'power',
            },
          ],
          responses: {
            '200': jsonResponse('Matching billers', 'BillerList', [
              { id: 'georgia-power', name: 'Georgia Power' },
            ]),
            '403': notEnabled,
            ...errors,
          },
        },
      },
    },
  };
}
