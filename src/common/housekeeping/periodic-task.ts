import type { AppLogger } from '@/common/logging/logger.js';

/** How often expired rows (one-time token ids, rate-limit windows, idempotency records) are swept. */
export const SWEEP_INTERVAL_MS = 10 * 60_000;

/**
 * Runs `task` every `intervalMs` without keeping the process alive; a failure is logged and the next
 * run tries again. Every instance sweeps: the deletes are idempotent, so that costs nothing but a query.
 * Returns the function that stops it.
 */
export function runPeriodically(name: string, intervalMs: number, task: () => Promise<void>, logger: AppLogger): () => void {
  const timer = setInterval(() => {
    task().catch((error: unknown) => logger.warn({ err: error, task: name }, 'periodic task failed; retrying next time'));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
