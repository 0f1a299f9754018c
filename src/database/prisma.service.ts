import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { PrismaClient } from '@/generated/prisma/client.js';

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * Every statement is prepared once per connection and reused, named after its text: PostgreSQL then
 * parses and plans the hot queries (a page of comments, a session) once instead of on every request.
 */
export function preparedStatementName(query: { sql: string }): string {
  return `cd_${createHash('sha1').update(query.sql).digest('base64url')}`;
}

/**
 * The `pg` driver adapter of a Prisma client. `connectionTimeoutMillis` bounds both the connect and
 * the wait for a free connection: past it a request answers 503 SERVICE_UNAVAILABLE with
 * Retry-After (the database is down, or the pool is saturated) instead of queueing without end.
 */
export function poolAdapter(connectionString: string, pool: AppConfig['databasePool']): PrismaPg {
  return new PrismaPg(
    { connectionString, max: pool.size, connectionTimeoutMillis: pool.waitMs, idleTimeoutMillis: 30_000 },
    { statementNameGenerator: preparedStatementName },
  );
}

/** The Prisma client on the `pg` driver adapter. Only repositories (`*.repository.ts`) use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(DATABASE_URL) connectionString: string, @Inject(APP_CONFIG) config: AppConfig) {
    super({ adapter: poolAdapter(connectionString, config.databasePool) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
