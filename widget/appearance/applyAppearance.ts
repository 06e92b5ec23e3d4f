import type { ThemeVariant } from '../../protocol';
import {
  APPEARANCE_VARIABLES,
  type Appearance,
  type AppearanceVariable,
} from '../../protocol/appearance';
import { AA_TEXT_CONTRAST, contrastRatio, parseColor, readableTextOn } from './contrast';

// A chunk of its own, fetched only when the merchant passed an appearance (App.tsx): most
// mounts never download the value-by-value check and the contrast maths.

/** The CSS custom property `styles.css` reads for a variable: `colorPrimary` → `--tf-color-primary`. */
const propertyOf = (name: string) => `--tf-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** `styles.css`'s primary colour per theme, for when the merchant sets none. */
const DEFAULT_PRIMARY: Record<ThemeVariant, string> = { light: '#0b5cad', dark: '#8ab4f8' };

/** Where rejected values are reported; the console by default. */
export type WarnDropped = (message: string) => void;
const warnOnConsole: WarnDropped = (message) => console.warn(`[tokenframe widget] ${message}`);

/** A value as it may be quoted in a warning: short, one line. */
const quote = (value: unknown) => JSON.stringify(String(value).slice(0, 60));

/**
 * Keeps each appearance variable that passes its own allowlist pattern and drops the rest one
 * by one, naming each in a warning, so one bad value does not cost the merchant their whole
 * theme (PRODUCT.md §3). The SDK only checks that `appearance` is an object.
 */
export function sanitizeAppearance(raw: unknown, warn: WarnDropped = warnOnConsole): Appearance {
  const variables = (raw as { variables?: unknown } | null)?.variables;
  if (!variables || typeof variables !== 'object') return {};
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) {
    // Own keys only: `toString` or `__proto__` must not find Object.prototype's members.
    const known = Object.prototype.hasOwnProperty.call(APPEARANCE_VARIABLES, name);
    if (known && APPEARANCE_VARIABLES[name as AppearanceVariable].safeParse(value).success)
      kept[name] = value as string;
    else warn(`appearance: dropped ${quote(name)}: ${quote(value)}`);
  }
  return { variables: kept };
}

/**
 * Applies the merchant's appearance variables that pass {@link sanitizeAppearance}.
 * The text colour on the primary colour is derived (black or white, whichever reaches AA),
 * and a merchant's `colorTextOnPrimary` is used only when it too reaches 4.5:1 on the primary
 * (WCAG 1.4.3); else it is dropped with a warning. `style.setProperty` is allowed under
 * `style-src 'self'` where an inline `style` attribute is not, and a custom property cannot
 * escape its declaration.
 */
export function applyAppearance(
  unchecked: unknown,
  root: HTMLElement = document.documentElement,
  warn: WarnDropped = warnOnConsole,
): void {
  const variables = { ...sanitizeAppearance(unchecked, warn).variables };
  const variant: ThemeVariant = root.dataset.theme === 'dark' ? 'dark' : 'light';
  const primary = parseColor(variables.colorPrimary ?? DEFAULT_PRIMARY[variant]);
  const onPrimary = variables.colorTextOnPrimary;
  if (onPrimary) {
    const text = parseColor(onPrimary);
    const ratio = primary && text ? contrastRatio(primary, text) : 0;
    if (ratio < AA_TEXT_CONTRAST) {
      warn(
        `appearance: dropped colorTextOnPrimary ${quote(onPrimary)}: ${ratio.toFixed(2)}:1 on the primary colour, below ${AA_TEXT_CONTRAST}:1`,
      );
      delete variables.colorTextOnPrimary;
    }
  }
  if (!variables.colorTextOnPrimary && variables.colorPrimary && primary)
    variables.colorTextOnPrimary = readableTextOn(primary);
  for (const [name, value] of Object.entries(variables))
    if (value) root.style.setProperty(propertyOf(name), value);
}
