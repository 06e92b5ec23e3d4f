import type { VerificationFeature } from '../../protocol';
import { PageFrame } from '../ui/PageFrame';
import { useWidget } from '../ui/WidgetContext';

/** Props of {@link TerminalFailurePage}. */
export interface TerminalFailurePageProps {
  feature: VerificationFeature;
  /** Continue was pressed: the host is fetching a new URL. */
  acknowledged: boolean;
  onContinue(): void;
  focusHeading?: boolean;
}

/**
 * A feature reached its per-mount limit. Continue emits TERMINAL_FAILURE_ACKNOWLEDGED, on
 * which the SDK re-requests a URL and remounts with a fresh window (PRODUCT.md §2).
 */
export function TerminalFailurePage({
  feature,
  acknowledged,
  onContinue,
  focusHeading,
}: TerminalFailurePageProps) {
  const { t, mode } = useWidget();
  return (
    <PageFrame
      page="terminal_failure"
      heading={t('terminal_failure.heading')}
      focusHeading={focusHeading}
    >
      <p>{t(`terminal_failure.${feature}`)}</p>
      {/* Embedded, Continue remounts with a fresh URL; in a webview it hands back to the app,
          which re-requests (the error redirect, PRODUCT.md §5). */}
      <p>
        {t(mode === 'standalone' ? 'terminal_failure.body_standalone' : 'terminal_failure.body')}
      </p>
      <div class="actions">
        <button type="button" class="button primary" disabled={acknowledged} onClick={onContinue}>
          {t('terminal_failure.continue')}
        </button>
      </div>
    </PageFrame>
  );
}
