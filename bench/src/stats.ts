/** Small, dependency-free statistics for comparing paired benchmark rounds. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error("quantile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (at - low);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/**
 * One-sided exact Wilcoxon signed-rank test on paired ratios: the probability, were the ratios' median `bound`,
 * of seeing ratios at least this far below it. A small value means the ratio is credibly below `bound`.
 * Works on log ratios so that 0.9× and 1.1× weigh alike; ties share their average rank.
 */
export function pBelow(ratios: readonly number[], bound: number): number {
  const differences = ratios.map((r) => Math.log(r) - Math.log(bound)).filter((d) => d !== 0);
  const n = differences.length;
  if (n === 0) return 1;
  const order = differences.map((d, i) => ({ size: Math.abs(d), i })).sort((a, b) => a.size - b.size);
  // Doubled ranks stay whole numbers when ties share an average rank.
  const doubledRank = new Array<number>(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && order[end + 1]?.size === order[start]?.size) end++;
    for (let k = start; k <= end; k++) doubledRank[(order[k] as { i: number }).i] = start + end + 2;
    start = end + 1;
  }
  const observed = differences.reduce((sum, d, i) => (d > 0 ? sum + (doubledRank[i] as number) : sum), 0);
  // Under the null hypothesis every sign is a fair coin: count the sign patterns by their positive rank sum.
  const total = doubledRank.reduce((a, b) => a + b, 0);
  let ways = new Array<number>(total + 1).fill(0);
  ways[0] = 1;
  for (const rank of doubledRank) {
    const next = [...ways];
    for (let sum = 0; sum + rank <= total; sum++)
      next[sum + rank] = (next[sum + rank] as number) + (ways[sum] as number);
    ways = next;
  }
  let atMost = 0;
  for (let sum = 0; sum <= observed; sum++) atMost += ways[sum] as number;
  return atMost / 2 ** n;
}

export const formatRatio = (ratio: number) => `${ratio.toFixed(2)}×`;

export function formatP(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(2)} kB`;
}

export function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatMiB(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(2)} MiB`;
}

export function formatSignedMiB(bytes: number): string {
  return `${bytes < 0 ? "−" : "+"}${formatMiB(Math.abs(bytes))}`;
}

/** Fisher–Yates, so that no variant always runs first (or last) in a round. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
