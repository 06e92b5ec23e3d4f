/**
 * `npm run bench:mount`: how long a recipient waits for the widget on a cold load, against
 * a bare iframe from the same service in the same page (the floor any iframe pays).
 *
 * For each condition of {@link PROFILES}, N mounts of the real SDK + widget + service, each in
 * a fresh browser context (cold: cache off; warm: after one unmeasured mount in the same page,
 * cache on): each measures `mount()` → READY and, in the same page,
 * a bare iframe of a small static file (`/sdk/integrity.json`), in alternating order. Prints
 * medians, the ratio, and the bytes on the wire and requests of one mount (the widget
 * frame's traffic; the SDK script, loaded with the page, is listed apart). A second table
 * says where a mount's time went: when the document, the exchange's answer and the last file
 * the document links arrived (medians, ms after `mount()`), how long READY came after the
 * later of those two (the widget's own work), and the load average (1 min) before and after
 * each condition, as the machine is shared.
 *
 * Options: `--runs N` (default 20), `--locale xx-XX` (session language, default en-US),
 * `--root DIR` (measure another checkout's build and service, e.g. a baseline copy of main),
 * `--only cold|throttled|warm` (one condition, for a quicker comparison).
 * A benchmark, not a test: not part of `npm test`.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../../server/config';
import {
  SignedClient,
  sampleSessionRequest,
  type CreateSessionEnvelope,
} from '../../server/testing/signedClient';
import { startBenchHost, startBenchService, launchBenchBrowser } from './benchWorld';
import { PROFILES, applyProfile, type NetworkProfile } from './networkProfiles';
import { readyAfterInputs, watchMilestones, type MountMilestones } from './mountMilestones';
import { tallyWire, type WireTally } from './wireTally';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    locale: { type: 'string', default: 'en-US' },
    root: { type: 'string', default: REPO_ROOT },
    only: { type: 'string' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`);
const root = resolve(values.root);

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Sample {
  mountMs: number;
  bareMs: number;
  mount: WireTally;
  milestones: MountMilestones;
  sdkBytes: number;
}

/** What the page's `timeMount` answers (`benchWorld.ts`). */
interface TimedMount {
  elapsed: number;
  startedAt: number;
  readyAt: number;
}

let serviceUrl = '';
const host = await startBenchHost(() => serviceUrl);
const service = await startBenchService(root, host.origin);
serviceUrl = service.url;
const client = new SignedClient({ baseUrl: service.url, username: 'demo', secret: 'demo-secret' });
const browser = await launchBenchBrowser();
let participants = 0;

/** A new session's single-use authorized_url for the bench host. */
async function newAuthorizedUrl(): Promise<string> {
  participants += 1;
  const created = await client.createSession<CreateSessionEnvelope>(
    sampleSessionRequest({
      host_uri: host.origin,
      participant_unique_id1: `bench-${Date.now()}-${participants}`,
      language_locale_code: values.locale,
    }),
  );
  if (created.body.status !== 100) throw new Error(`create session: ${created.body.status}`);
  return created.body.data.authorized_url;
}

async function measureMount(profile: NetworkProfile, bareFirst: boolean): Promise<Sample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const wire = tallyWire(cdp, service.url);
    const milestones = watchMilestones(cdp, service.url);
    await applyProfile(cdp, profile);
    wire.start();
    await page.goto(host.url('/host.html'), { waitUntil: 'load', timeout: 120_000 });
    const sdkBytes = (await wire.stop()).bytes;
    let url = await newAuthorizedUrl();
    const bare = () =>
      page.evaluate(
        (src) => (window as unknown as { timeBare(s: string): Promise<number> }).timeBare(src),
        `${service.url}/sdk/integrity.json`,
      );
    const mount = async () => {
      wire.start();
      milestones.start();
      const timed = await page.evaluate(
        (authorizedUrl) =>
          (window as unknown as { timeMount(u: string): Promise<TimedMount> }).timeMount(
            authorizedUrl,
          ),
        url,
      );
      const tally = await wire.stop();
      return {
        ms: timed.elapsed,
        tally,
        milestones: milestones.stop(timed.startedAt, timed.readyAt),
      };
    };
    if (profile.warm) {
      // The returning recipient: everything cacheable is cached by a first, unmeasured mount.
      await mount();
      await bare();
      url = await newAuthorizedUrl();
    }
    let bareMs: number;
    let mounted: Awaited<ReturnType<typeof mount>>;
    if (bareFirst) {
      bareMs = await bare();
      mounted = await mount();
    } else {
      mounted = await mount();
      bareMs = await bare();
    }
    return {
      mountMs: mounted.ms,
      bareMs,
      mount: mounted.tally,
      milestones: mounted.milestones,
      sdkBytes,
    };
  } finally {
    await context.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

console.log(
  `Mount benchmark: ${root} (${runs} cold mounts per condition, session ${values.locale})`,
);
const rows: string[] = [];
const milestoneRows: string[] = [];
/** A figure of each mount's milestones, `null` where that mount lacks it. */
type MilestoneFigure = (milestones: MountMilestones) => number | null;
/** The median of one figure over the mounts that have it; `–` when none does. */
const milestoneMedian = (samples: readonly Sample[], figure: MilestoneFigure) => {
  const reached = samples.flatMap((sample) => figure(sample.milestones) ?? []);
  return reached.length ? ms(median(reached)) : '–';
};
/** The second table's columns, in order. */
const MILESTONE_COLUMNS: readonly MilestoneFigure[] = [
  (m) => m.documentSent,
  (m) => m.documentIn,
  (m) => m.exchangeIn,
  (m) => m.bootFilesIn,
  (m) => m.ready,
  readyAfterInputs,
];
try {
  for (const profile of PROFILES.filter((p) => !values.only || p.key === values.only)) {
    const samples: Sample[] = [];
    const loadBefore = loadavg()[0]!;
    for (let run = 0; run < runs; run += 1)
      samples.push(await measureMount(profile, run % 2 === 0));
    const loadAfter = loadavg()[0]!;
    const mountMedian = median(samples.map((sample) => sample.mountMs));
    const bareMedian = median(samples.map((sample) => sample.bareMs));
    const bytes = median(samples.map((sample) => sample.mount.bytes));
    const requests = median(samples.map((sample) => sample.mount.requests));
    rows.push(
      `| ${profile.name} | ${ms(mountMedian)} | ${ms(bareMedian)} | ${(mountMedian / bareMedian).toFixed(2)}× | ${kB(bytes)} | ${requests} | ${kB(median(samples.map((sample) => sample.sdkBytes)))} |`,
    );
    const milestones = MILESTONE_COLUMNS.map((figure) => milestoneMedian(samples, figure));
    milestoneRows.push(
      `| ${profile.name} | ${milestones.join(' | ')} | ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} |`,
    );
    const encodings = [...samples[0]!.mount.encodings].map(([path, coding]) => `${path} ${coding}`);
    console.log(`${profile.name}: responses of one mount: ${encodings.join(', ')}`);
  }
} finally {
  await browser.close();
  await service.close();
  await host.close();
}
console.log('');
console.log(
  '| condition | mount() → READY (median) | bare iframe (median) | ratio | bytes on the wire per mount | requests per mount | SDK script |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log('');
console.log(
  '| condition | document requested | document in | exchange answered | last file the document links in | READY | READY after the last of these | load average |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of milestoneRows) console.log(row);
