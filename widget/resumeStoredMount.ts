import type { WidgetSession } from '../protocol';
import type { WidgetApiClient } from './api';
import { readMount, writeMount } from './mountStore';
import type { StartedMount } from './startedMount';

/** A stored mount resumed, or what is known of a session whose mount cannot be. */
export type Resumption =
  { resumed: StartedMount } | { notResumable: { session: WidgetSession | null } };

/**
 * Resumes the mount a standalone page stored before a reload, when the service still accepts
 * its token; else forgets the token and says what is known of the session. It answers rather
 * than throws `MountNotResumable` (`mountNotResumable.ts`): this module is in the standalone
 * chunk, which must not import the widget API client (see `standaloneMode.ts`).
 */
export async function resumeStoredMount(
  api: Pick<WidgetApiClient, 'resume'>,
  sessionIdentifier: string,
): Promise<Resumption> {
  const stored = readMount(sessionIdentifier);
  if (stored?.access_token && (await api.resume(stored.access_token)))
    return {
      resumed: { session: stored.session, resumed: true, destination: stored.destination },
    };
  if (stored) writeMount({ session: stored.session });
  return { notResumable: { session: stored?.session ?? null } };
}
