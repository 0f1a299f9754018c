import { Injectable } from '@nestjs/common';
import { RateLimitedError } from '@/common/errors/app-error.js';
import type { RateLimitSetting } from '@/config/config.js';
import { RateLimitRepository } from './rate-limit.repository.js';

@Injectable()
export class RateLimitService {
  constructor(private readonly buckets: RateLimitRepository) {}

  /** Counts one attempt under `key`; throws RATE_LIMITED (with Retry-After) past the limit. */
  async consume(key: string, limit: RateLimitSetting): Promise<void> {
    const { count, windowStart } = await this.buckets.hit(key, limit.windowSeconds);
    if (count <= limit.count) return;
    const windowEndsAt = windowStart.getTime() + limit.windowSeconds * 1000;
    throw new RateLimitedError((windowEndsAt - Date.now()) / 1000);
  }
}
