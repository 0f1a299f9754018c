import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { PrismaClient } from '@/generated/prisma/client.js';

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * Every statement is prepared once per connection and reused, named after its text, and runs on its
 * generic plan (`plan_cache_mode`, below): PostgreSQL then parses and plans the hot queries (a page
 * of comments, the facts of a post) once per connection instead of on every request. Left to choose,
 * it kept planning a busy article's page afresh each time (its estimate for "any article" looks
 * costlier than for that one), which took longer than running it. Our statements' plans do not hinge
 * on the values bound: a page is an index scan whatever the article, and LIMITs are written into
 * the text (sql-limit.ts), where a generic plan can see them.
 */
export function preparedStatementName(query: { sql: string }): string {
  return `cd_${createHash('sha1').update(query.sql).digest('base64url')}`;
}

/**
 * The `pg` driver adapter of a Prisma client. `connectionTimeoutMillis` bounds both the connect and
 * the wait for a free connection: past it a request answers 503 SERVICE_UNAVAILABLE with
 * Retry-After (the database is down, or the pool is saturated) instead of queueing without end.
 */
export function poolAdapter(connectionString: string, pool: AppConfig['databasePool']): ObservedPrismaPg {
  return new ObservedPrismaPg(
    {
      connectionString,
      max: pool.size,
      connectionTimeoutMillis: pool.waitMs,
      idleTimeoutMillis: 30_000,
      options: '-c plan_cache_mode=force_generic_plan',
    },
    { statementNameGenerator: preparedStatementName },
  );
}

/** How busy a connection pool is, for the metrics. */
export interface PoolUsage {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** The adapter keeps the `pg` pool it opens (anew after a reconnect), so its usage can be read. */
export class ObservedPrismaPg extends PrismaPg {
  pool: Pool | undefined;

  /** The pool's connections now; undefined before the first query opens it. */
  usage(): PoolUsage | undefined {
    const pool = this.pool;
    if (!pool) return undefined;
    return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max };
  }

  override async connect(): ReturnType<PrismaPg['connect']> {
    const adapter = await super.connect();
    this.pool = adapter.underlyingDriver();
    return adapter;
  }
}

/** The Prisma client on the `pg` driver adapter. Only repositories (`*.repository.ts`) use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  private readonly observedAdapter: ObservedPrismaPg;

  constructor(@Inject(DATABASE_URL) connectionString: string, @Inject(APP_CONFIG) config: AppConfig) {
    const adapter = poolAdapter(connectionString, config.databasePool);
    super({ adapter });
    this.observedAdapter = adapter;
  }

  /** The pool's connections now; undefined before the first query opens it. */
  poolUsage(): PoolUsage | undefined {
    return this.observedAdapter.usage();
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
