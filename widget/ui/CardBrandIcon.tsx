import type { CardBrand } from '../../protocol/accountNumbers';

/** The four networks the card field names (protocol `CARD_BRANDS` minus `unknown`). */
export const NAMED_CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover'] as const;

/**
 * Each brand's card face, drawn small enough to read as the brand at a glance: Visa's blue
 * card with its gold band, Mastercard's two circles, the Amex blue box, Discover's orange
 * sun. Inline SVG with colours in the stylesheet (classes), so the CSP needs no image host.
 */
const FACES: Record<(typeof NAMED_CARD_BRANDS)[number], string> = {
  visa: 'M0 14h32v3H0z',
  mastercard: '',
  amex: 'M7 6h18v8H7z',
  discover: '',
};

/** A brand's 32×20 card face; decorative, the brand is also written in text. */
export function CardBrandIcon({ brand }: { brand: CardBrand }) {
  if (brand === 'unknown') return null;
  return (
    <svg
      class={`card-brand card-brand-${brand}`}
      viewBox="0 0 32 20"
      aria-hidden="true"
      focusable="false"
    >
      <rect class="card-face" width="32" height="20" rx="3" />
      {FACES[brand] ? <path class="card-mark" d={FACES[brand]} /> : null}
      {brand === 'mastercard' ? (
        <>
          <circle class="card-mark" cx="13" cy="10" r="6" />
          <circle class="card-mark-2" cx="19" cy="10" r="6" />
        </>
      ) : null}
      {brand === 'discover' ? <circle class="card-mark" cx="21" cy="10" r="5" /> : null}
    </svg>
  );
}
