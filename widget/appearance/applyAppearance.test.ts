import { describe, expect, it, vi } from 'vitest';
import { applyThemeVariant } from '../theme';
import { applyAppearance, sanitizeAppearance } from './applyAppearance';
import { contrastRatio, parseColor } from './contrast';

const onPrimary = (root: HTMLElement) =>
  parseColor(root.style.getPropertyValue('--tf-color-text-on-primary'))!;

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
  // rgb() and hsl() are resolved by the browser's CSS engine: the browser suite covers them.
  it.each(['#ffd400', '#0a7', '#767676', '#fff', '#777777'])(
    'derives a text colour reaching 4.5:1 on primary %s',
    (primary) => {
      const root = document.createElement('div');
      applyAppearance({ variables: { colorPrimary: primary } }, root);
      expect(contrastRatio(parseColor(primary)!, onPrimary(root))).toBeGreaterThanOrEqual(4.5);
    },
  );
  it('keeps a colorTextOnPrimary that reaches 4.5:1 and drops one that does not, with a warning', () => {
    const root = document.createElement('div');
    const warn = vi.fn();
    applyAppearance(
      { variables: { colorPrimary: '#ffd400', colorTextOnPrimary: '#1a1a1a' } },
      root,
      warn,
    );
    expect(root.style.getPropertyValue('--tf-color-text-on-primary')).toBe('#1a1a1a');
    expect(warn).not.toHaveBeenCalled();
    applyAppearance(
      { variables: { colorPrimary: '#ffd400', colorTextOnPrimary: '#ffffff' } },
      root,
      warn,
    );
    expect(root.style.getPropertyValue('--tf-color-text-on-primary')).toBe('#000000');
    expect(warn.mock.calls[0]?.[0]).toMatch(/dropped colorTextOnPrimary "#ffffff"/);
  });
  it('drops keys that only Object.prototype knows without throwing', () => {
    const warn = vi.fn();
    const raw = JSON.parse(
      '{"variables":{"toString":"#000","__proto__":"#000","colorText":"#111"}}',
    );
    expect(sanitizeAppearance(raw, warn)).toEqual({ variables: { colorText: '#111' } });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('drops only the rejected variable and names it', () => {
    const warn = vi.fn();
    const kept = sanitizeAppearance(
      { variables: { colorPrimary: 'url(//evil)', fontFamily: 'Georgia', shadow: '1px' } },
      warn,
    );
    expect(kept).toEqual({ variables: { fontFamily: 'Georgia' } });
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringContaining('colorPrimary'),
      expect.stringContaining('shadow'),
    ]);
  });
});
