import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import { Prisma } from '@/generated/prisma/client.js';

export interface WindowCount {
  count: number;
  windowStart: Date;
}

export interface WindowHitRow {
  count: number;
  window_start: Date;
}

/**
 * Counts one hit in `key`'s fixed window, opening a new window when the old one has run out, and
 * returns `count` and `window_start`. One atomic statement, so instances sharing the database agree
 * on the count. Exported so posting can count its hit inside its own statement, and commit once;
 * `onlyFor` (a FROM clause) counts the hit only when it yields a row.
 */
export function windowHitStatement(key: string, windowSeconds: number, onlyFor: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO rate_limit_buckets (key, window_start, count) SELECT ${key}, now(), 1 ${onlyFor}
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN rate_limit_buckets.window_start <= now() - make_interval(secs => ${windowSeconds})
                          THEN now() ELSE rate_limit_buckets.window_start END,
      count = CASE WHEN rate_limit_buckets.window_start <= now() - make_interval(secs => ${windowSeconds})
                   THEN 1 ELSE rate_limit_buckets.count + 1 END
    RETURNING count, window_start`;
}

export function toWindowCount(row: WindowHitRow): WindowCount {
  return { count: row.count, windowStart: row.window_start };
}

@Injectable()
export class RateLimitRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Counts one hit in `key`'s fixed window (see windowHitStatement). */
  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const [row] = await this.prisma.$queryRaw<WindowHitRow[]>(windowHitStatement(key, windowSeconds));
    return toWindowCount(row!);
  }

  async forgetWindowsBefore(cutoff: Date): Promise<void> {
    await this.prisma.rateLimitBucket.deleteMany({ where: { windowStart: { lt: cutoff } } });
  }
}
