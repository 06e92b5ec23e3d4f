import type { WidgetSession } from '../protocol';
import { WidgetApiFailure } from './api';

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
