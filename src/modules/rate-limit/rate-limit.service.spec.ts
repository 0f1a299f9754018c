import { createMock, type DeepMocked } from '@golevelup/ts-jest';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Housekeeping } from '@/common/housekeeping/housekeeping.js';
import { RateLimitedError } from '@/common/errors/app-error.js';
import type { RateLimitRepository } from './rate-limit.repository.js';
import { RateLimitService } from './rate-limit.service.js';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const LIMIT = { count: 3, windowSeconds: 60 };
const windowOf = (count: number, startedSecondsAgo = 10) => ({ count, windowStart: new Date(NOW - startedSecondsAgo * 1000) });

describe('RateLimitService: windows this instance saw full', () => {
  let buckets: DeepMocked<RateLimitRepository>;
  let service: RateLimitService;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    // Strict: a refusal from memory must not touch the database.
    buckets = createMock<RateLimitRepository>({}, { name: 'RateLimitRepository', strict: true });
    service = new RateLimitService(buckets, createMock<Housekeeping>());
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('refuses nothing it has not seen full', () => {
    service.counted('a', windowOf(2), LIMIT);
    expect(() => service.refuseIfFull('a')).not.toThrow();
    expect(() => service.refuseIfFull('b')).not.toThrow();
  });

  it('refuses a key whose window reached its limit until the window ends, with the seconds left', () => {
    service.counted('a', windowOf(3), LIMIT);
    expect(() => service.refuseIfFull('a')).toThrow(expect.objectContaining({ code: 'RATE_LIMITED', details: { retryAfter: 50 } }));
    jest.setSystemTime(NOW + 50_001);
    expect(() => service.refuseIfFull('a')).not.toThrow();
  });

  it('refuses from memory, without a statement, once a consumed window is full', async () => {
    buckets.hit.mockResolvedValueOnce(windowOf(3));
    await service.consume('a', LIMIT);
    await expect(service.consume('a', LIMIT)).rejects.toBeInstanceOf(RateLimitedError);
    expect(buckets.hit).toHaveBeenCalledTimes(1);
  });
});
