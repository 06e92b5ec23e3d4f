import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_ERROR_CODES } from '../../protocol';
import { pageLoads, renderInWidget } from '../testing/renderInWidget';
import { SessionErrorPage } from './SessionErrorPage';

afterEach(cleanup);

describe('SessionErrorPage', () => {
  it.each(SESSION_ERROR_CODES)(
    'explains %s in words and emits PAGE_LOAD session_error',
    async (code) => {
      const { emitted, i18n } = await renderInWidget(<SessionErrorPage error={code} />);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
        i18n.t(`session_error.${code}.heading`),
      );
      expect(screen.getByText(i18n.t(`session_error.${code}.body`))).toBeTruthy();
      expect(pageLoads(emitted)).toEqual(['session_error']);
    },
  );
});
