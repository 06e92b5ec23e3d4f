/**
 * A small shipped routing-number directory for the sandbox: enough real, well-known
 * routing numbers for the widget to show a bank name. A checksum-valid number missing here
 * is still accepted (the bank name is simply not shown); see `server/domain/sandbox/checkAccount.ts`. The widget
 * ships the same table to name the bank as the recipient types, with no round trip that
 * would send a partial number over the network.
 */
export const BANK_DIRECTORY: Readonly<Record<string, string>> = {
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
