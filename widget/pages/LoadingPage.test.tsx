import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { pageLoads, renderInWidget } from '../testing/renderInWidget';
import { LoadingPage } from './LoadingPage';

afterEach(cleanup);

describe('LoadingPage', () => {
  it('shows a heading, emits PAGE_LOAD loading and announces that it is loading', async () => {
    const { emitted, announced } = await renderInWidget(<LoadingPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Loading' })).toBeTruthy();
    expect(pageLoads(emitted)).toEqual(['loading']);
    expect(announced).toEqual(['Loading your secure session…']);
  });
});
