import type { CardBrand } from '../../protocol/accountNumbers';

/** The four networks the card field names (protocol `CARD_BRANDS` minus `unknown`). */
export const NAMED_CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover'] as const;

/**
 * A brand's 32×20 card face, small enough to read as the brand at a glance: Visa's blue card
 * with its gold band, Mastercard's two circles, the Amex blue box, Discover's orange sun. Drawn
 * by the stylesheet (`.card-brand-<brand>`), so the CSP needs no image host and the chunk READY
 * waits on carries no shapes. Decorative: the brand is also written in text.
 */
export function CardBrandIcon({ brand }: { brand: CardBrand }) {
  return brand === 'unknown' ? null : <span class={`card-brand card-brand-${brand}`} />;
}
