import type { FundingDestination } from '../../protocol';

/**
 * One 24 px outline path per payout method (card, bank, PayPal's "P", bill). Inline SVG: the
 * widget's CSP allows no image hosts, and a path is a few dozen bytes.
 */
const PATHS: Record<FundingDestination, string> = {
  debit: 'M3 6h18v12H3zM3 10h18M7 15h4',
  credit: 'M3 6h18v12H3zM3 10h18M14 15h3',
  ach: 'M3 10 12 4l9 6M5 10v8M9.5 10v8M14.5 10v8M19 10v8M3 20h18',
  paypal: 'M8 20l2-15h5a4 4 0 0 1 0 8h-4l-1 7',
  billpay: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6',
};

/** The method's icon; decorative, the method's name is always written beside it. */
export function MethodIcon({ destination }: { destination: FundingDestination }) {
  return (
    <svg class="method-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[destination]} />
    </svg>
  );
}
