import { Injectable } from '@nestjs/common';
import { Housekeeping } from '@/common/housekeeping/housekeeping.js';
import { RateLimitedError } from '@/common/errors/app-error.js';
import type { RateLimitSetting } from '@/config/config.js';
import { RateLimitRepository, type WindowCount } from './rate-limit.repository.js';

@Injectable()
export class RateLimitService {
  constructor(
    private readonly buckets: RateLimitRepository,
    housekeeping: Housekeeping,
  ) {
    // No configured window is longer than a day; older windows can only have run out.
    housekeeping.addSweep('rate-limit windows', () => buckets.forgetWindowsBefore(new Date(Date.now() - 24 * 3600_000)));
  }

  /** Counts one attempt under `key`; throws RATE_LIMITED (with Retry-After) past the limit. */
  async consume(key: string, limit: RateLimitSetting): Promise<void> {
    const window = await this.buckets.hit(key, limit.windowSeconds);
    if (window.count > limit.count) throw this.refusal(window, limit);
  }

  /** RATE_LIMITED, with Retry-After at the end of the window. */
  refusal(window: WindowCount, limit: RateLimitSetting): RateLimitedError {
    const windowEndsAt = window.windowStart.getTime() + limit.windowSeconds * 1000;
    return new RateLimitedError((windowEndsAt - Date.now()) / 1000);
  }
}
