import type { SessionErrorCode } from '../../protocol';
import { PageFrame } from '../ui/PageFrame';
import { useWidget } from '../ui/WidgetContext';

/** Expired, used, completed, terminated or invalid URL: say what happened and what to do. */
export function SessionErrorPage({
  error,
  focusHeading,
}: {
  error: SessionErrorCode;
  focusHeading?: boolean;
}) {
  const { t } = useWidget();
  return (
    <PageFrame
      page="session_error"
      heading={t(`session_error.${error}.heading`)}
      focusHeading={focusHeading}
    >
      <p>{t(`session_error.${error}.body`)}</p>
    </PageFrame>
  );
}
