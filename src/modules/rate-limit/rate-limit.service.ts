import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { runPeriodically, SWEEP_INTERVAL_MS } from '@/common/housekeeping/periodic-task.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_LOGGER } from '@/config/config.module.js';
import { RateLimitedError } from '@/common/errors/app-error.js';
import type { RateLimitSetting } from '@/config/config.js';
import { RateLimitRepository, type WindowCount } from './rate-limit.repository.js';

@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private stopSweeping = (): void => undefined;

  constructor(
    private readonly buckets: RateLimitRepository,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    // No configured window is longer than a day; older windows can only have run out.
    const sweep = () => this.buckets.forgetWindowsBefore(new Date(Date.now() - 24 * 3600_000));
    this.stopSweeping = runPeriodically('rate-limit windows', SWEEP_INTERVAL_MS, sweep, this.logger);
  }

  onModuleDestroy(): void {
    this.stopSweeping();
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
