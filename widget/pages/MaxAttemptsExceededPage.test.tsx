import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { pageLoads, renderInWidget } from '../testing/renderInWidget';
import { MaxAttemptsExceededPage } from './MaxAttemptsExceededPage';

afterEach(cleanup);

describe('MaxAttemptsExceededPage', () => {
  it('says the request ended and emits PAGE_LOAD max_attempts_exceeded', async () => {
    const { emitted } = await renderInWidget(<MaxAttemptsExceededPage />);
    expect(screen.getByRole('heading', { name: 'Too many attempts' })).toBeTruthy();
    expect(pageLoads(emitted)).toEqual(['max_attempts_exceeded']);
  });
});
