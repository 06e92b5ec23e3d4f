/**
 * The bank names the widget shows as the recipient types a routing number. A copy of the
 * service's sandbox directory (`server/sandbox/bankDirectory.ts`): the widget may not import
 * server code, and a round trip per keystroke would leak partial numbers to the network. The
 * confirmation page shows the name the service returns, so a drift here is cosmetic only.
 */
const BANK_DIRECTORY: Readonly<Record<string, string>> = {
  '011000015': 'Federal Reserve Bank of Boston',
  '021000021': 'JPMorgan Chase Bank',
  '322271627': 'JPMorgan Chase Bank',
  '026009593': 'Bank of America',
  '111000025': 'Bank of America',
  '122000661': 'Bank of America',
  '053000196': 'Bank of America',
  '121000248': 'Wells Fargo Bank',
  '091000019': 'Wells Fargo Bank',
  '021000089': 'Citibank',
  '031176110': 'Capital One',
  '061000104': 'Truist Bank',
  '021200339': 'TD Bank',
};

/** The bank name for a routing number, or `undefined` when the directory does not know it. */
export function bankNameOf(routingNumber: string): string | undefined {
  return Object.hasOwn(BANK_DIRECTORY, routingNumber) ? BANK_DIRECTORY[routingNumber] : undefined;
}
