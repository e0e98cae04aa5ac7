/** Retry delays after consecutive failures: 5 s, 10 s, 20 s ... capped at 15 minutes, with jitter so devices spread out. */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_MAX_MS = 15 * 60_000;

export function backoffDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 20));
  return Math.round(exponential * (0.5 + random() / 2));
}
