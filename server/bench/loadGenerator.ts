/** Result of one closed-loop load run. */
export interface LoadResult {
  requests: number;
  failures: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Closed-loop load: `concurrency` workers each send a request as soon as the previous one
 * answered, for `durationMs`. `send(i)` performs request number `i` and says whether it
 * succeeded. Latency percentiles are over successful requests.
 */
export async function runLoad(
  send: (i: number) => Promise<boolean>,
  options: { concurrency: number; durationMs: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const start = performance.now();
  const end = start + options.durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const i = next++;
      const t0 = performance.now();
      const ok = await send(i).catch(() => false);
      if (ok) latencies.push(performance.now() - t0);
      else failures++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    failures,
    perSecond: latencies.length / elapsed,
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
  };
}
