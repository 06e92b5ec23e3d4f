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
  /** Theme variables; unknown names are rejected. */
  variables: z.optional(
    z.strictObject({
      /** Buttons and focus rings; the text on it is derived to reach 4.5:1 contrast. */
      colorPrimary: z.optional(cssColor),
      /** Text on `colorPrimary`; used only when it reaches 4.5:1 on it, else derived. */
      colorTextOnPrimary: z.optional(cssColor),
      /** Page background. */
      colorBackground: z.optional(cssColor),
      /** Body text. */
      colorText: z.optional(cssColor),
      /** Errors. */
      colorDanger: z.optional(cssColor),
      /** A font stack, e.g. `Inter, system-ui, sans-serif`. */
      fontFamily: z.optional(fontFamily),
      /** Corner radius of fields and buttons, e.g. `8px`. */
      borderRadius: z.optional(cssLength),
      /** Base spacing, e.g. `4px`. */
      spacingUnit: z.optional(cssLength),
    }),
  ),
});

/** Theme variables a merchant may set through `create(…, { appearance })`. */
export type Appearance = z.infer<typeof appearanceSchema>;
