/** An sRGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

/**
 * Parses a colour the appearance allowlist accepts. Hex is read here; `rgb()` and `hsl()` are
 * resolved by the browser's own CSS engine (a probe element's computed colour), which costs
 * no parser in the bundle. Alpha is ignored: a see-through primary is judged as its solid
 * colour. `null` when the value is not a colour.
 */
export function parseColor(value: string): Rgb | null {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(value)?.[1];
  if (hex) {
    const full = hex.length < 6 ? [...hex].map((digit) => digit + digit).join('') : hex;
    return [0, 2, 4].map((index) => parseInt(full.slice(index, index + 2), 16)) as unknown as Rgb;
  }
  const probe = document.createElement('i');
  probe.style.color = value;
  if (!probe.style.color) return null;
  document.body.append(probe);
  const channels = getComputedStyle(probe).color.match(/[\d.]+/g);
  probe.remove();
  return channels && channels.length >= 3
    ? (channels.slice(0, 3).map(Number) as unknown as Rgb)
    : null;
}

/** WCAG 2.2 relative luminance. */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** WCAG AA for normal text (1.4.3). */
export const AA_TEXT_CONTRAST = 4.5;

/**
 * Black or white, whichever contrasts more with `background`. One of the two always reaches
 * at least 4.58:1 (the worst case is a background of luminance ≈ 0.18), so text on any
 * merchant primary colour meets AA.
 */
export function readableTextOn(background: Rgb): '#000000' | '#ffffff' {
  const black: Rgb = [0, 0, 0];
  const white: Rgb = [255, 255, 255];
  return contrastRatio(background, black) >= contrastRatio(background, white)
    ? '#000000'
    : '#ffffff';
}
