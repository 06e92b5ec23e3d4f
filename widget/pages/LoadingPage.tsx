import { PageFrame } from '../ui/PageFrame';
import { useWidget } from '../ui/WidgetContext';

/** Shown while the URL is exchanged and the host connects. */
export function LoadingPage() {
  const { t } = useWidget();
  return (
    <PageFrame page="loading" heading={t('loading.heading')}>
      <div class="spinner" aria-hidden="true" />
      <p>{t('status.loading')}</p>
    </PageFrame>
  );
}
