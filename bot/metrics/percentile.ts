/**
 * The nearest-rank percentile of values sorted ascending (p in 0-100); null when there are none.
 * Nearest rank, so the result is always a value that occurred (a real response time).
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (p < 0 || p > 100) throw new Error(`percentile: p must be within 0-100, got ${p}`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}
