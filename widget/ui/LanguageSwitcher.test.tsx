import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCALES } from '../../protocol';
import { renderInWidget } from '../testing/renderInWidget';
import { LanguageSwitcher } from './LanguageSwitcher';

afterEach(cleanup);

describe('LanguageSwitcher', () => {
  it('lists all 28 locales, each by its own name and tagged with its lang', async () => {
    await renderInWidget(<LanguageSwitcher onChange={() => {}} />);
    const select = screen.getByLabelText('Language') as HTMLSelectElement;
    expect(Array.from(select.options, (option) => option.value)).toEqual([...LOCALES]);
    const persian = Array.from(select.options).find((option) => option.value === 'fa-IR');
    expect(persian?.textContent).toBe('فارسی');
    expect(persian?.getAttribute('lang')).toBe('fa-IR');
    expect(select.value).toBe('en-US');
  });

  it('reports the chosen locale with its name', async () => {
    const onChange = vi.fn();
    await renderInWidget(<LanguageSwitcher onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'de-DE' } });
    expect(onChange).toHaveBeenCalledWith('de-DE', 'Deutsch');
  });
});
