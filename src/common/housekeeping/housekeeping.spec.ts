import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AppLogger } from '@/common/logging/logger.js';
import { Housekeeping } from './housekeeping.js';

const TEN_MINUTES = 10 * 60_000;

describe('Housekeeping', () => {
  let warnings: unknown[][];
  let housekeeping: Housekeeping;

  beforeEach(() => {
    jest.useFakeTimers();
    warnings = [];
    housekeeping = new Housekeeping({ warn: (...args: unknown[]) => warnings.push(args) } as unknown as AppLogger);
  });

  afterEach(() => {
    housekeeping.onModuleDestroy();
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('runs every sweep every ten minutes from the start of the application', async () => {
    const runs = { a: 0, b: 0 };
    housekeeping.addSweep('a', () => Promise.resolve(void runs.a++));
    housekeeping.addSweep('b', () => Promise.resolve(void runs.b++));

    await jest.advanceTimersByTimeAsync(2 * TEN_MINUTES);
    expect(runs).toEqual({ a: 0, b: 0 });

    housekeeping.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(TEN_MINUTES - 1);
    expect(runs).toEqual({ a: 0, b: 0 });
    await jest.advanceTimersByTimeAsync(1 + 2 * TEN_MINUTES);
    expect(runs).toEqual({ a: 3, b: 3 });
  });

  it('logs a failed sweep with its name, still runs the others, and tries it again next time', async () => {
    let failingRuns = 0;
    let otherRuns = 0;
    housekeeping.addSweep('failing', () => {
      failingRuns++;
      return failingRuns === 1 ? Promise.reject(new Error('database away')) : Promise.resolve();
    });
    housekeeping.addSweep('other', () => Promise.resolve(void otherRuns++));
    housekeeping.onApplicationBootstrap();

    await jest.advanceTimersByTimeAsync(2 * TEN_MINUTES);
    expect({ failingRuns, otherRuns }).toEqual({ failingRuns: 2, otherRuns: 2 });
    expect(warnings).toEqual([[expect.objectContaining({ task: 'failing' }), expect.any(String)]]);
  });

  it('stops sweeping when the module is destroyed, and never keeps the process alive', async () => {
    let runs = 0;
    housekeeping.addSweep('a', () => Promise.resolve(void runs++));
    const setInterval = jest.spyOn(globalThis, 'setInterval');
    housekeeping.onApplicationBootstrap();
    const timer = setInterval.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);

    housekeeping.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(3 * TEN_MINUTES);
    expect(runs).toBe(0);
  });
});
