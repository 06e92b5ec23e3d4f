import type { ThemeVariant } from '../protocol';

/** Sets `data-theme` (light or dark) on the root; the stylesheet holds both palettes. */
export function applyThemeVariant(
  variant: ThemeVariant,
  root: HTMLElement = document.documentElement,
): void {
  root.dataset.theme = variant;
}
