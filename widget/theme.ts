import type { Appearance, ThemeVariant } from '../protocol';

/** Appearance variables → the CSS custom properties `styles.css` reads. */
const VARIABLE_PROPERTIES: Record<keyof NonNullable<Appearance['variables']>, string> = {
  colorPrimary: '--tf-color-primary',
  colorBackground: '--tf-color-background',
  colorText: '--tf-color-text',
  colorDanger: '--tf-color-danger',
  fontFamily: '--tf-font-family',
  borderRadius: '--tf-border-radius',
  spacingUnit: '--tf-spacing-unit',
};

/** Sets `data-theme` (light or dark) on the root; the stylesheet holds both palettes. */
export function applyThemeVariant(
  variant: ThemeVariant,
  root: HTMLElement = document.documentElement,
): void {
  root.dataset.theme = variant;
}

/**
 * Applies the merchant's appearance variables, already validated against the protocol's
 * allowlist by the bridge. `style.setProperty` is allowed under `style-src 'self'` where an
 * inline `style` attribute is not, and a custom property cannot escape its declaration.
 */
export function applyAppearance(
  appearance: Appearance | undefined,
  root: HTMLElement = document.documentElement,
): void {
  const variables = appearance?.variables ?? {};
  for (const [name, property] of Object.entries(VARIABLE_PROPERTIES)) {
    const value = variables[name as keyof typeof VARIABLE_PROPERTIES];
    if (value) root.style.setProperty(property, value);
  }
}
