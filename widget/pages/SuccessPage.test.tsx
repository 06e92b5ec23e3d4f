import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { pageLoads, renderInWidget } from '../testing/renderInWidget';
import { SuccessPage } from './SuccessPage';

afterEach(cleanup);

describe('SuccessPage', () => {
  it('shows the masked account isolated left-to-right with its brand', async () => {
    const { emitted, container } = await renderInWidget(
      <SuccessPage account={{ last4: '5556', display: '•••• 5556', brand: 'visa' }} />,
    );
    expect(screen.getByRole('heading', { name: 'Your payout method has been added' })).toBeTruthy();
    const bdi = container.querySelector('bdi');
    expect(bdi?.getAttribute('dir')).toBe('ltr');
    expect(bdi?.textContent).toBe('•••• 5556');
    expect(container.textContent).toContain('Visa');
    expect(screen.getByText('Ending in 5556')).toBeTruthy();
    expect(pageLoads(emitted)).toEqual(['success']);
  });
});
