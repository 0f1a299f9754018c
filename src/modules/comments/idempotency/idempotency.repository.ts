import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import type { Prisma } from '@/generated/prisma/client.js';

export interface IdempotencyRecordView {
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
  lockedAt: Date | null;
  expiresAt: Date;
}

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims (user, key) for a first request: the lock it now holds (the time it took it, to the
   * millisecond), or null when a record already holds the key. The lock names this claim in
   * `complete` and `release`, so that a late write of an attempt whose lock was taken over changes nothing.
   */
  async claim(userId: string, key: string, requestHash: string, expiresAt: Date): Promise<Date | null> {
    const [row] = await this.prisma.$queryRaw<{ locked_at: Date }[]>`
      INSERT INTO idempotency_records (user_id, key, request_hash, locked_at, expires_at)
      VALUES (${userId}::uuid, ${key}, ${requestHash}, date_trunc('milliseconds', clock_timestamp()), ${expiresAt})
      ON CONFLICT (user_id, key) DO NOTHING
      RETURNING locked_at`;
    return row?.locked_at ?? null;
  }

  find(userId: string, key: string): Promise<IdempotencyRecordView | null> {
    return this.prisma.idempotencyRecord.findUnique({
      where: { userId_key: { userId, key } },
      select: { requestHash: true, responseStatus: true, responseBody: true, lockedAt: true, expiresAt: true },
    });
  }

  /** Takes over a request whose instance stopped answering: only one taker wins the same stale lock, and gets a lock of its own. */
  async takeOverStale(userId: string, key: string, staleBefore: Date): Promise<Date | null> {
    const [row] = await this.prisma.$queryRaw<{ locked_at: Date }[]>`
      UPDATE idempotency_records SET locked_at = date_trunc('milliseconds', clock_timestamp())
      WHERE user_id = ${userId}::uuid AND key = ${key} AND response_status IS NULL AND locked_at < ${staleBefore}
      RETURNING locked_at`;
    return row?.locked_at ?? null;
  }

  /** Keeps the answer of the request that holds `lock`. */
  async complete(userId: string, key: string, lock: Date, status: number, body: unknown): Promise<void> {
    await this.prisma.idempotencyRecord.updateMany({
      where: { userId, key, lockedAt: lock, responseStatus: null },
      data: { responseStatus: status, responseBody: body as Prisma.InputJsonValue, lockedAt: null },
    });
  }

  /** Lets go of the key the request holding `lock` claimed, so that a retry runs afresh. */
  async release(userId: string, key: string, lock: Date): Promise<void> {
    await this.prisma.idempotencyRecord.deleteMany({ where: { userId, key, lockedAt: lock, responseStatus: null } });
  }

  async deleteAllExpired(now: Date): Promise<void> {
    await this.prisma.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } });
  }

  async deleteExpired(userId: string, key: string, now: Date): Promise<void> {
    await this.prisma.idempotencyRecord.deleteMany({ where: { userId, key, expiresAt: { lte: now } } });
  }
}
