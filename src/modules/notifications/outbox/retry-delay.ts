const MAX_DELAY_MS = 3_600_000;

/** How long to wait after the `attempts`-th failure: `baseMs`, doubling each time, at most an hour, with ±20 % jitter. */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
