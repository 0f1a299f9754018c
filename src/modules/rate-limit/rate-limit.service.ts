import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Housekeeping } from '@/common/housekeeping/housekeeping.js';
import { RateLimitedError } from '@/common/errors/app-error.js';
import type { RateLimitSetting } from '@/config/config.js';
import { RateLimitRepository, type WindowCount } from './rate-limit.repository.js';

/** Keys whose full window this instance remembers; the least recently refused are forgotten first. */
const REMEMBERED_FULL_WINDOWS = 10_000;

@Injectable()
export class RateLimitService {
  /**
   * When each window this instance saw full ends. Until then a caller past its limit is refused from
   * here, before any statement (and a post before its length rule and its policy). The counting
   * stays in PostgreSQL, so limits are exact across instances: another instance learns of a full
   * window at its own first refusal, and nothing is refused that PostgreSQL would not refuse.
   */
  private readonly fullUntil = new LRUCache<string, number>({ max: REMEMBERED_FULL_WINDOWS });

  constructor(
    private readonly buckets: RateLimitRepository,
    housekeeping: Housekeeping,
  ) {
    // No configured window is longer than a day; older windows can only have run out.
    housekeeping.addSweep('rate-limit windows', () => buckets.forgetWindowsBefore(new Date(Date.now() - 24 * 3600_000)));
  }

  /** Counts one attempt under `key`; throws RATE_LIMITED (with Retry-After) past the limit. */
  async consume(key: string, limit: RateLimitSetting): Promise<void> {
    this.refuseIfFull(key);
    const window = await this.buckets.hit(key, limit.windowSeconds);
    this.counted(key, window, limit);
    if (window.count > limit.count) throw this.refusal(window, limit);
  }

  /** Throws RATE_LIMITED when this instance saw `key`'s window full and the window has not ended. */
  refuseIfFull(key: string): void {
    const endsAt = this.fullUntil.get(key);
    if (endsAt === undefined) return;
    const secondsLeft = (endsAt - Date.now()) / 1000;
    if (secondsLeft > 0) throw new RateLimitedError(secondsLeft);
    this.fullUntil.delete(key);
  }

  /** Takes note of a hit counted in PostgreSQL (by `consume`, or inside a caller's own statement). */
  counted(key: string, window: WindowCount, limit: RateLimitSetting): void {
    if (window.count >= limit.count) this.fullUntil.set(key, windowEnd(window, limit));
  }

  /** RATE_LIMITED, with Retry-After at the end of the window. */
  refusal(window: WindowCount, limit: RateLimitSetting): RateLimitedError {
    return new RateLimitedError((windowEnd(window, limit) - Date.now()) / 1000);
  }
}

function windowEnd(window: WindowCount, limit: RateLimitSetting): number {
  return window.windowStart.getTime() + limit.windowSeconds * 1000;
}
