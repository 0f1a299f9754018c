import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';

export interface WindowCount {
  count: number;
  windowStart: Date;
}

@Injectable()
export class RateLimitRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Counts one hit in `key`'s fixed window, opening a new window when the old one has run out. One
   * atomic statement, so instances sharing the database agree on the count.
   */
  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const [row] = await this.prisma.$queryRaw<{ count: number; window_start: Date }[]>`
      INSERT INTO rate_limit_buckets (key, window_start, count) VALUES (${key}, now(), 1)
      ON CONFLICT (key) DO UPDATE SET
        window_start = CASE WHEN rate_limit_buckets.window_start <= now() - make_interval(secs => ${windowSeconds})
                            THEN now() ELSE rate_limit_buckets.window_start END,
        count = CASE WHEN rate_limit_buckets.window_start <= now() - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE rate_limit_buckets.count + 1 END
      RETURNING count, window_start`;
    return { count: row!.count, windowStart: row!.window_start };
  }

  async forgetWindowsBefore(cutoff: Date): Promise<void> {
    await this.prisma.rateLimitBucket.deleteMany({ where: { windowStart: { lt: cutoff } } });
  }
}
