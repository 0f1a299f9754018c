import { describe, expect, it } from '@jest/globals';
import { retryDelayMs } from './retry-delay.js';

describe('retryDelayMs', () => {
  it.each([
    [1, 1_000, 1_000],
    [2, 1_000, 2_000],
    [5, 1_000, 16_000],
    [30, 1_000, 3_600_000],
  ])('after failure %i with a base of %i ms waits %i ms (without jitter)', (attempts, base, expected) => {
    expect(retryDelayMs(attempts, base, () => 0.5)).toBe(expected);
  });

  it('keeps the jitter within a fifth either side', () => {
    expect(retryDelayMs(1, 1_000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 1_000, () => 0.999_999)).toBe(1_200);
  });
});
