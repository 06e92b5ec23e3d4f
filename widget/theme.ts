import type { ThemeVariant } from '../protocol';

/**
 * Sets `data-theme` (light or dark) on the root. The light palette is the widget's stylesheet;
 * the dark one (`darkTheme.css`) is linked by the document whenever the session may be dark.
 */
export function applyThemeVariant(
  variant: ThemeVariant,
  root: HTMLElement = document.documentElement,
): void {
  root.dataset.theme = variant;
}
