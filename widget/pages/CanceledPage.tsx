import { PageFrame } from '../ui/PageFrame';
import { useWidget } from '../ui/WidgetContext';

/** The recipient canceled; FUNDING_CANCELED has been emitted. */
export function CanceledPage({ focusHeading }: { focusHeading?: boolean }) {
  const { t } = useWidget();
  return (
    <PageFrame page="canceled" heading={t('canceled.heading')} focusHeading={focusHeading}>
      <p>{t('canceled.body')}</p>
    </PageFrame>
  );
}
