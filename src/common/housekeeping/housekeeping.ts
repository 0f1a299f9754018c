import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_LOGGER } from '@/config/config.module.js';

/** How often expired rows (one-time token ids, rate-limit windows, idempotency records) are swept. */
const SWEEP_INTERVAL_MS = 10 * 60_000;

interface Sweep {
  name: string;
  run: () => Promise<void>;
}

/**
 * One timer for every sweep of expired rows. Services add theirs when they are built; from the
 * application's start every sweep runs every ten minutes, one after another. A failed sweep is logged
 * and tried again next time. Every instance sweeps: the deletes are idempotent, so that costs nothing
 * but a query. The timer never keeps the process alive, so tests and shutdown never wait for it.
 */
@Injectable()
export class Housekeeping implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sweeps: Sweep[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(@Inject(APP_LOGGER) private readonly logger: AppLogger) {}

  addSweep(name: string, run: () => Promise<void>): void {
    this.sweeps.push({ name, run });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepAll(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async sweepAll(): Promise<void> {
    for (const { name, run } of this.sweeps) {
      try {
        await run();
      } catch (error) {
        this.logger.warn({ err: error, task: name }, 'periodic task failed; retrying next time');
      }
    }
  }
}
