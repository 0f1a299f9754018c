import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { Housekeeping } from '@/common/housekeeping/housekeeping.js';
import { AppError, type ErrorCode } from '@/common/errors/app-error.js';
import { IdempotencyRepository, type IdempotencyRecordView } from './idempotency.repository.js';

export interface StoredResponse<T> {
  status: number;
  body: T;
  replayed: boolean;
}

const RETENTION_MS = 24 * 3600 * 1000;
/** A first request still locked after this long is taken to have died with its instance. */
const STALE_LOCK_MS = 30_000;
/** How long a retry waits for the first request before answering REQUEST_IN_PROGRESS. */
const WAIT_FOR_FIRST_MS = 5_000;
const POLL_MS = 50;
/** Failures a retry may well not meet again: not remembered, so the retry runs afresh. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL']);

export function requestFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * `Idempotency-Key` as the IETF draft describes it: the first request under a (user, key) runs and
 * its answer, success or refusal, is kept for 24 hours; a retry with the same request gets that
 * answer again; the same key for another request is IDEMPOTENCY_KEY_REUSED; a retry while the first
 * still runs waits for it a little, then gets REQUEST_IN_PROGRESS.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly records: IdempotencyRepository,
    housekeeping: Housekeeping,
  ) {
    housekeeping.addSweep('idempotency records', () => records.deleteAllExpired(new Date()));
  }

  /**
   * `recover` answers for a first attempt that did its work but died before its answer was kept
   * (taken over after STALE_LOCK_MS); when it finds nothing, `work` runs again.
   */
  async run<T>(
    userId: string,
    key: string,
    requestHash: string,
    work: () => Promise<{ status: number; body: T }>,
    recover: () => Promise<{ status: number; body: T } | null> = () => Promise.resolve(null),
  ): Promise<StoredResponse<T>> {
    const now = new Date();
    await this.records.deleteExpired(userId, key, now);
    if (await this.records.claim(userId, key, requestHash, new Date(now.getTime() + RETENTION_MS))) {
      return this.runFirst(userId, key, work);
    }
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const record = await this.records.find(userId, key);
      if (!record) {
        // The first request failed transiently and let go of the key: this one runs instead.
        if (await this.records.claim(userId, key, requestHash, new Date(Date.now() + RETENTION_MS))) return this.runFirst(userId, key, work);
        continue;
      }
      if (record.requestHash !== requestHash) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
      }
      if (record.responseStatus !== null) return replay<T>(record);
      if (
        record.lockedAt &&
        record.lockedAt.getTime() < Date.now() - STALE_LOCK_MS &&
        (await this.records.takeOverStale(userId, key, new Date(Date.now() - STALE_LOCK_MS)))
      ) {
        return this.runFirst(userId, key, async () => (await recover()) ?? work());
      }
      if (Date.now() >= deadline) {
        throw new AppError('REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly.');
      }
      await sleep(POLL_MS);
    }
  }

  private async runFirst<T>(userId: string, key: string, work: () => Promise<{ status: number; body: T }>): Promise<StoredResponse<T>> {
    let result: { status: number; body: T };
    try {
      result = await work();
    } catch (error) {
      if (error instanceof AppError && !TRANSIENT.has(error.code)) {
        await this.records.complete(userId, key, error.status, { error: { code: error.code, message: error.message, details: error.details } });
      } else {
        await this.records.release(userId, key).catch(() => undefined);
      }
      throw error;
    }
    await this.records.complete(userId, key, result.status, result.body);
    return { ...result, replayed: false };
  }
}

function replay<T>(record: IdempotencyRecordView): StoredResponse<T> {
  const status = record.responseStatus!;
  if (status >= 400) {
    const { error } = record.responseBody as { error: { code: ErrorCode; message: string; details: Record<string, unknown> } };
    throw new AppError(error.code, error.message, error.details);
  }
  return { status, body: record.responseBody as T, replayed: true };
}
