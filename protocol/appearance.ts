import * as z from 'zod/mini';

/**
 * Merchant theming passed from the SDK to the widget. Only these variables exist, and each
 * value must match a narrow pattern: a value is written into a CSS custom property, so
 * anything looser would let a page inject `url(...)` or break out of the declaration.
 */
const cssColor = z
  .string()
  .check(z.regex(/^(#[0-9a-fA-F]{3,8}|rgba?\(\s*[\d.\s,%]+\)|hsla?\(\s*[\d.\s,%deg]+\))$/));
const cssLength = z.string().check(z.regex(/^(0|\d{1,3}(\.\d{1,2})?(px|rem|em))$/));
const fontFamily = z.string().check(z.regex(/^[\w\s,'"-]{1,120}$/));

/**
 * Each allowlisted variable with its own pattern, so the widget can check them one by one and
 * drop only a rejected value (PRODUCT.md §3, Appearance).
 */
export const APPEARANCE_VARIABLES = {
  colorPrimary: cssColor,
  /** Text on `colorPrimary`. Used only when it reaches 4.5:1 on it; else derived. */
  colorTextOnPrimary: cssColor,
  colorBackground: cssColor,
  colorText: cssColor,
  colorDanger: cssColor,
  fontFamily,
  borderRadius: cssLength,
  spacingUnit: cssLength,
};

/** One allowlisted variable's name. */
export type AppearanceVariable = keyof typeof APPEARANCE_VARIABLES;

/** Allowlisted theme variables. Unknown keys are rejected, not ignored. */
export const appearanceSchema = z.strictObject({
  variables: z.optional(
    z.strictObject({
      colorPrimary: z.optional(cssColor),
      colorTextOnPrimary: z.optional(cssColor),
      colorBackground: z.optional(cssColor),
      colorText: z.optional(cssColor),
      colorDanger: z.optional(cssColor),
      fontFamily: z.optional(fontFamily),
      borderRadius: z.optional(cssLength),
      spacingUnit: z.optional(cssLength),
    }),
  ),
});

/** Theme variables a merchant may set through `create(…, { appearance })`. */
export type Appearance = z.infer<typeof appearanceSchema>;
