import type { Program } from '../../domain/programs/program';
import { normalizeOrigin } from '../../domain/programs/program';
import type { CreateSessionRequest } from './createSessionSchema';
import type { NormalizedSessionParams } from '../../domain/sessions/createSession';

/** Program-dependent field rules, reported together with the schema's (dotted path → messages). */
export function programFieldErrors(
  body: CreateSessionRequest,
  program: Program,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (body.language_locale_code && !program.languages.includes(body.language_locale_code))
    errors.language_locale_code = [
      'The language_locale_code field is not enabled for this program.',
    ];
  if (program.funding_destinations.includes('paypal') && !body.recipient_information.email_address)
    errors['recipient_information.email_address'] = [
      'The recipient_information.email_address field is required when the program enables PayPal.',
    ];
  return errors;
}

/** Drops empty optional strings, so `""` and an absent field mean (and hash) the same. */
function present(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Applies the program's defaults; the result is stored and hashed for idempotency. */
export function normalizeParams(
  body: CreateSessionRequest,
  program: Program,
): NormalizedSessionParams {
  const r = body.recipient_information;
  return {
    participant_unique_id1: body.participant_unique_id1,
    participant_unique_id2: present(body.participant_unique_id2),
    host_origin: body.host_uri
      ? normalizeOrigin(body.host_uri)
      : normalizeOrigin(program.hosts[0]!),
    language_locale_code: body.language_locale_code ?? program.languages[0]!,
    theme_variant: body.theme_variant ?? 'light',
    success_redirect_url: present(body.success_redirect_url),
    error_redirect_url: present(body.error_redirect_url),
    recipient_information: {
      first_name: r.first_name,
      last_name: r.last_name,
      address_line1: r.address_line1,
      address_line2: present(r.address_line2),
      city: r.city,
      state: r.state,
      zip_code: r.zip_code,
      email_address: present(r.email_address),
      phone_number: present(r.phone_number),
      mobile_number: present(r.mobile_number),
    },
  };
}

/** True when the origin is on the program's allowlist. */
export function isAllowedHost(program: Program, origin: string): boolean {
  return program.hosts.some((host) => normalizeOrigin(host) === origin);
}
