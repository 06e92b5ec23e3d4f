import { useEffect, useState } from 'preact/hooks';
import { isRoutingNumberValid } from '../../protocol/accountNumbers';

type BankDirectory = typeof import('../../protocol/bankDirectory');

let loaded: BankDirectory | null = null;
let inFlight: Promise<BankDirectory> | null = null;

/**
 * Downloads the shipped bank directory: a chunk of its own, since only an ACH form with a
 * routing number typed into it shows a bank name (PRODUCT.md §2), and every other session
 * would carry it in the chunk READY waits on. Single-flight; a failed download clears the
 * promise so that the next keystroke retries.
 */
function loadBankDirectory(): Promise<BankDirectory> {
  inFlight ??= import('../../protocol/bankDirectory').then(
    (module) => (loaded = module),
    (error: unknown) => {
      inFlight = null;
      throw error;
    },
  );
  return inFlight;
}

/**
 * The bank's name for a routing number that passes its checksum, once the directory is here.
 * The download starts at the first typed digit, so it has arrived long before the ninth.
 */
export function useBankName(routingNumber: string): string | undefined {
  const [directory, setDirectory] = useState(loaded);
  // Each digit re-runs this while the directory is missing: a failed download is retried.
  useEffect(() => {
    if (directory || routingNumber === '') return;
    let stopped = false;
    loadBankDirectory().then(
      (module) => !stopped && setDirectory(module),
      // No name is shown; the number itself is still checked and can be sent.
      () => undefined,
    );
    return () => {
      stopped = true;
    };
  }, [directory, routingNumber]);
  return directory && isRoutingNumberValid(routingNumber)
    ? directory.bankNameOf(routingNumber)
    : undefined;
}
