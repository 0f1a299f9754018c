import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client.js';

export const DATABASE_URL = Symbol('DATABASE_URL');

/** The Prisma client on the `pg` driver adapter. Only repositories (`*.repository.ts`) use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(DATABASE_URL) connectionString: string) {
    super({
      adapter: new PrismaPg({
        connectionString,
        max: 10,
        // Fail fast while the database is down, so requests answer 503 instead of hanging.
        connectionTimeoutMillis: 3_000,
        idleTimeoutMillis: 30_000,
      }),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
