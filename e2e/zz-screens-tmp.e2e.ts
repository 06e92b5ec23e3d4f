import { it } from 'vitest';
import { startLocaleWorld } from './i18n/localeWorld';
import { waitForPage } from './i18n/debitForm';
it('screens', async () => {
  const world = await startLocaleWorld();
  try {
    for (const locale of ['ar-SA', 'km-KH'] as const) {
      const w = await world.mount(locale, { hostWidth: 420 });
      await waitForPage(w.frame, 'account_entry');
      await w.page.setViewportSize({ width: 420, height: 1400 });
      await w.page.waitForTimeout(1500);
      await w.page.screenshot({ path: `/work/team/screens/account-entry-${locale}.png` });
      await w.close();
    }
  } finally { await world.close(); }
});
