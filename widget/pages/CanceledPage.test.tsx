import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { pageLoads, renderInWidget } from '../testing/renderInWidget';
import { CanceledPage } from './CanceledPage';

afterEach(cleanup);

describe('CanceledPage', () => {
  it('says nothing was added and emits PAGE_LOAD canceled', async () => {
    const { emitted } = await renderInWidget(<CanceledPage />);
    expect(screen.getByRole('heading', { name: 'You canceled this request' })).toBeTruthy();
    expect(pageLoads(emitted)).toEqual(['canceled']);
  });
});

describe('page heading focus', () => {
  it('moves focus to the heading when asked (page changes after the first)', async () => {
    await renderInWidget(<CanceledPage focusHeading />);
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'You canceled this request' }),
    );
  });
  it('leaves focus alone on the first page so the merchant page keeps the keyboard', async () => {
    await renderInWidget(<CanceledPage />);
    expect(document.activeElement).not.toBe(
      screen.getByRole('heading', { name: 'You canceled this request' }),
    );
  });
});
