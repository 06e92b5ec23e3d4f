/** An sRGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

/**
 * Parses the colour forms the appearance allowlist accepts (`#rgb`, `#rgba`, `#rrggbb`,
 * `#rrggbbaa`, `rgb()`/`rgba()`, `hsl()`/`hsla()`); `null` for anything else. Alpha is
 * ignored: the widget's own background is opaque, and a see-through primary is judged as
 * its solid colour.
 */
export function parseColor(value: string): Rgb | null {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(text)?.[1];
  if (hex) {
    if (hex.length === 3 || hex.length === 4)
      return [0, 1, 2].map((index) => parseInt(hex.charAt(index).repeat(2), 16)) as unknown as Rgb;
    if (hex.length === 6 || hex.length === 8)
      return [0, 2, 4].map((index) => parseInt(hex.slice(index, index + 2), 16)) as unknown as Rgb;
    return null;
  }
  const fn = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(text);
  if (!fn) return null;
  const parts = fn[2]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return null;
  const number = (part: string, scale: number) =>
    part.endsWith('%') ? (parseFloat(part) / 100) * scale : parseFloat(part);
  if (fn[1]!.startsWith('rgb')) {
    const rgb = parts.slice(0, 3).map((part) => Math.min(255, Math.max(0, number(part, 255))));
    return rgb.some(Number.isNaN) ? null : (rgb as unknown as Rgb);
  }
  const hue = (((parseFloat(parts[0]!) % 360) + 360) % 360) / 360;
  // Saturation and lightness are percentages, with or without the `%` sign.
  const saturation = Math.min(1, parseFloat(parts[1]!) / 100);
  const lightness = Math.min(1, parseFloat(parts[2]!) / 100);
  if ([hue, saturation, lightness].some(Number.isNaN)) return null;
  return hslToRgb(hue, saturation, lightness);
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (offset: number) => {
    let t = h + offset;
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    const v =
      t < 1 / 6
        ? p + (q - p) * 6 * t
        : t < 1 / 2
          ? q
          : t < 2 / 3
            ? p + (q - p) * (2 / 3 - t) * 6
            : p;
    return Math.round(v * 255);
  };
  return [channel(1 / 3), channel(0), channel(-1 / 3)];
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
