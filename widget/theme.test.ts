import { describe, expect, it } from 'vitest';
import { applyAppearance, applyThemeVariant } from './theme';

describe('theme', () => {
  it('marks the root with the session theme variant', () => {
    const root = document.createElement('html');
    applyThemeVariant('dark', root);
    expect(root.dataset.theme).toBe('dark');
  });
  it('writes allowlisted appearance variables as CSS custom properties, not a style attribute string', () => {
    const root = document.createElement('div');
    applyAppearance({ variables: { colorPrimary: '#0a7', borderRadius: '4px' } }, root);
    expect(root.style.getPropertyValue('--tf-color-primary')).toBe('#0a7');
    expect(root.style.getPropertyValue('--tf-border-radius')).toBe('4px');
    expect(root.style.getPropertyValue('--tf-color-text')).toBe('');
  });
});
