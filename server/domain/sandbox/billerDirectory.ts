/**
 * The shipped biller directory for BillPay (sandbox): well-known US billers with stable ids.
 * Search is case- and punctuation-insensitive and matches the start of any word, so
 * "verizon", "Veri" and "wireless" all find "Verizon Wireless".
 */

/** One biller, as `GET /api/widget/v1/billers` returns it. */
export interface Biller {
  id: string;
  name: string;
}

const BILLER_NAMES: readonly [string, string][] = [
  ['att', 'AT&T'],
  ['verizon_wireless', 'Verizon Wireless'],
  ['t_mobile', 'T-Mobile'],
  ['comcast_xfinity', 'Comcast Xfinity'],
  ['spectrum', 'Spectrum'],
  ['cox', 'Cox Communications'],
  ['dish', 'DISH Network'],
  ['directv', 'DIRECTV'],
  ['duke_energy', 'Duke Energy'],
  ['pge', 'Pacific Gas and Electric (PG&E)'],
  ['con_edison', 'Con Edison'],
  ['southern_california_edison', 'Southern California Edison'],
  ['georgia_power', 'Georgia Power'],
  ['florida_power_light', 'Florida Power & Light'],
  ['dominion_energy', 'Dominion Energy'],
  ['xcel_energy', 'Xcel Energy'],
  ['national_grid', 'National Grid'],
  ['american_water', 'American Water'],
  ['geico', 'GEICO'],
  ['state_farm', 'State Farm'],
  ['progressive', 'Progressive Insurance'],
  ['allstate', 'Allstate'],
  ['capital_one', 'Capital One Credit Card'],
  ['chase_card', 'Chase Card Services'],
  ['discover_card', 'Discover Card'],
  ['american_express', 'American Express'],
  ['citi_cards', 'Citi Cards'],
  ['synchrony', 'Synchrony Bank'],
  ['navient', 'Navient Student Loans'],
  ['toyota_financial', 'Toyota Financial Services'],
  ['ally_auto', 'Ally Auto'],
  ['waste_management', 'Waste Management'],
];

/** Every biller in the directory, sorted by name. */
export const BILLERS: readonly Biller[] = BILLER_NAMES.map(([id, name]) => ({ id, name })).sort(
  (a, b) => a.name.localeCompare(b.name, 'en'),
);

const byId = new Map(BILLERS.map((biller) => [biller.id, biller]));

/** The biller with this id, or `undefined`. */
export function billerById(id: string): Biller | undefined {
  return byId.get(id);
}

/** Whitespace-separated words with punctuation dropped ("AT&T" → "att"). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
}

/** A name's searchable words: whole words plus their punctuation-separated parts ("t-mobile" → "tmobile", "t", "mobile"). */
function nameWords(name: string): string[] {
  const parts = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return [...words(name), ...parts];
}

/** Maximum results of one search (protocol: "returns up to 20"). */
export const MAX_BILLER_RESULTS = 20;

/**
 * Billers whose name has a word starting with each word of the query (all must match).
 * An empty query lists the first {@link MAX_BILLER_RESULTS} billers.
 */
export function searchBillers(query: string): Biller[] {
  const queryWords = words(query);
  const matches = BILLERS.filter((biller) => {
    const candidates = nameWords(biller.name);
    return queryWords.every((queryWord) => candidates.some((word) => word.startsWith(queryWord)));
  });
  return matches.slice(0, MAX_BILLER_RESULTS);
}
