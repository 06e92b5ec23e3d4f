import { useEffect } from 'preact/hooks';
import { PageFrame } from '../ui/PageFrame';
import { useWidget } from '../ui/WidgetContext';

/** Shown while the URL is exchanged and the host connects. */
export function LoadingPage() {
  const { t, announce } = useWidget();
  const loading = t('status.loading');
  // Said once the page is shown, as PageFrame's PAGE_LOAD is: a mount whose inputs are all in
  // replaces this page within its first task, and a screen reader then hears nothing of it.
  useEffect(() => announce(loading), []);
  return (
    <PageFrame page="loading" heading={t('loading.heading')}>
      <div class="spinner" aria-hidden="true" />
      <p>{loading}</p>
    </PageFrame>
  );
}
