import type { NewSession } from '../domain/sessions/newSession';

/** A new session's parameters for `participant` of the sandbox's `demo` program. */
export function newSessionRequest(participant: string): NewSession {
  return {
    program: 'demo',
    participant_unique_id1: participant,
    host_origin: 'https://shop.example',
    language_locale_code: 'en-US',
    theme_variant: 'light',
    params: { participant_unique_id1: participant },
  };
}
