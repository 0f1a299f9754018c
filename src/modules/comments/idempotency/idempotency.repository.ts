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

  /** Claims (user, key) for a first request; false when a record already holds it. */
  async claim(userId: string, key: string, requestHash: string, expiresAt: Date): Promise<boolean> {
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO idempotency_records (user_id, key, request_hash, locked_at, expires_at)
      VALUES (${userId}::uuid, ${key}, ${requestHash}, now(), ${expiresAt})
      ON CONFLICT (user_id, key) DO NOTHING`;
    return inserted === 1;
  }

  find(userId: string, key: string): Promise<IdempotencyRecordView | null> {
    return this.prisma.idempotencyRecord.findUnique({
      where: { userId_key: { userId, key } },
      select: { requestHash: true, responseStatus: true, responseBody: true, lockedAt: true, expiresAt: true },
    });
  }

  /** Takes over a request whose instance stopped answering: only one taker wins the same stale lock. */
  async takeOverStale(userId: string, key: string, staleBefore: Date): Promise<boolean> {
    const updated = await this.prisma.$executeRaw`
      UPDATE idempotency_records SET locked_at = now()
      WHERE user_id = ${userId}::uuid AND key = ${key} AND response_status IS NULL AND locked_at < ${staleBefore}`;
    return updated === 1;
  }

  async complete(userId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.prisma.idempotencyRecord.update({
      where: { userId_key: { userId, key } },
      data: { responseStatus: status, responseBody: body as Prisma.InputJsonValue, lockedAt: null },
    });
  }

  async release(userId: string, key: string): Promise<void> {
    await this.prisma.idempotencyRecord.deleteMany({ where: { userId, key, responseStatus: null } });
  }

  async deleteAllExpired(now: Date): Promise<void> {
    await this.prisma.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } });
  }

  async deleteExpired(userId: string, key: string, now: Date): Promise<void> {
    await this.prisma.idempotencyRecord.deleteMany({ where: { userId, key, expiresAt: { lte: now } } });
  }
}
