import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { AppLogger } from '@/common/logging/logger.js';
import { runPeriodically } from './periodic-task.js';

describe('runPeriodically', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs the task every interval, logs a failure and keeps going, and stops when asked', async () => {
    jest.useFakeTimers();
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as AppLogger;
    let runs = 0;
    const stop = runPeriodically('test task', 1_000, async () => {
      runs++;
      if (runs === 2) throw new Error('database away');
    }, logger);

    await jest.advanceTimersByTimeAsync(3_500);
    expect(runs).toBe(3);
    expect(warnings).toHaveLength(1);

    stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(3);
  });
});
