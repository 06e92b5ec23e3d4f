import type { WidgetSession } from '../protocol';
import { WidgetApiFailure, type WidgetApiClient } from './api';
import { readMount, writeMount } from './mountStore';
import type { StartedMount } from './startedMount';

/**
 * A reload that cannot resume: the URL was spent by the first load and no live mount is
 * stored. Carries what is known of the session (its redirect URLs) so the page can hand back
 * to the app (PRODUCT.md §5).
 */
export class MountNotResumable extends WidgetApiFailure {
  constructor(readonly session: WidgetSession | null) {
    super('unauthorized', 'url_used');
  }
}

/**
 * Resumes the mount a standalone page stored before a reload, when the service still accepts
 * its token; else forgets the token and throws {@link MountNotResumable}.
 */
export async function resumeStoredMount(
  api: WidgetApiClient,
  sessionIdentifier: string,
): Promise<StartedMount> {
  const stored = readMount(sessionIdentifier);
  if (stored?.access_token && (await api.resume(stored.access_token)))
    return { session: stored.session, resumed: true, destination: stored.destination };
  if (stored) writeMount({ session: stored.session });
  throw new MountNotResumable(stored?.session ?? null);
}
