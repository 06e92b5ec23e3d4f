import { PageFrame } from '../ui/PageFrame';
import { useWidget } from '../ui/WidgetContext';

/** The session's overall attempt limit is reached; the session has ended. */
export function MaxAttemptsExceededPage({ focusHeading }: { focusHeading?: boolean }) {
  const { t } = useWidget();
  return (
    <PageFrame
      page="max_attempts_exceeded"
      heading={t('max_attempts_exceeded.heading')}
      focusHeading={focusHeading}
    >
      <p>{t('max_attempts_exceeded.body')}</p>
    </PageFrame>
  );
}
