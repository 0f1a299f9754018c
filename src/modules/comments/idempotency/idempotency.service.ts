import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
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
/** How often a write that could not reach the database is tried again. */
const SETTLE_RETRY_MS = 200;
/**
 * A write still failing this long before its lock may be taken over is given up: past that, a retry
 * on any instance takes the request over. The margin covers clocks that differ between instances.
 */
const SETTLE_MARGIN_MS = 5_000;
/** Failures a retry may well not meet again: not remembered, so the retry runs afresh. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL']);

type Answer<T> = { status: number; body: T };

/** What this instance still has to write for a key it holds, and until when it tries. */
interface Unsettled {
  write: () => Promise<void>;
  giveUpAt: number;
  running?: Promise<void>;
}

export function requestFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * `Idempotency-Key` as the IETF draft describes it: the first request under a (user, key) runs and
 * its answer, success or refusal, is kept for 24 hours; a retry with the same request gets that
 * answer again; the same key for another request is IDEMPOTENCY_KEY_REUSED; a retry while the first
 * still runs waits for it a little, then gets REQUEST_IN_PROGRESS.
 *
 * The database may go away between the claim of a key and the write of its answer. The answer (or
 * the key's release) is then written as soon as the database is back, by the instance that holds
 * the key, and before a retry on that instance looks at the key; so a retry after an outage gets
 * the first answer, or runs afresh, instead of waiting for the lock to go stale.
 */
@Injectable()
export class IdempotencyService implements OnModuleDestroy {
  private readonly unsettled = new Map<string, Unsettled>();
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly records: IdempotencyRepository,
    housekeeping: Housekeeping,
  ) {
    housekeeping.addSweep('idempotency records', () => records.deleteAllExpired(new Date()));
  }

  onModuleDestroy(): void {
    clearTimeout(this.retryTimer);
  }

  /**
   * `recover` answers for a first attempt that may have done its work without its answer being
   * kept: one that died with its instance (taken over after STALE_LOCK_MS), or one that failed on
   * the way, perhaps after its commit. When it finds nothing, the work has not been done.
   */
  async run<T>(
    userId: string,
    key: string,
    requestHash: string,
    work: () => Promise<Answer<T>>,
    recover: () => Promise<Answer<T> | null> = () => Promise.resolve(null),
  ): Promise<StoredResponse<T>> {
    const now = new Date();
    await this.records.deleteExpired(userId, key, now);
    const lock = await this.records.claim(userId, key, requestHash, new Date(now.getTime() + RETENTION_MS));
    if (lock) return this.runFirst(userId, key, lock, work, recover);
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      await this.settleNow(userId, key);
      const record = await this.records.find(userId, key);
      if (!record) {
        // The first request failed transiently and let go of the key: this one runs instead.
        const lock = await this.records.claim(userId, key, requestHash, new Date(Date.now() + RETENTION_MS));
        if (lock) return this.runFirst(userId, key, lock, work, recover);
        continue;
      }
      if (record.requestHash !== requestHash) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
      }
      if (record.responseStatus !== null) return replay<T>(record);
      if (record.lockedAt && record.lockedAt.getTime() < Date.now() - STALE_LOCK_MS) {
        const lock = await this.records.takeOverStale(userId, key, new Date(Date.now() - STALE_LOCK_MS));
        if (lock) return this.runFirst(userId, key, lock, async () => (await recover()) ?? work(), recover);
      }
      if (Date.now() >= deadline) {
        throw new AppError('REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly.');
      }
      await sleep(POLL_MS);
    }
  }

  private async runFirst<T>(
    userId: string,
    key: string,
    lock: Date,
    work: () => Promise<Answer<T>>,
    recover: () => Promise<Answer<T> | null>,
  ): Promise<StoredResponse<T>> {
    let result: Answer<T>;
    try {
      result = await work();
    } catch (error) {
      const refusal = error instanceof AppError && !TRANSIENT.has(error.code) ? error : undefined;
      await this.settle(userId, key, lock, () =>
        refusal ? this.records.complete(userId, key, lock, refusal.status, refusalBody(refusal)) : this.letGo(userId, key, lock, recover),
      );
      throw error;
    }
    // The work is done (a comment committed): its answer stands even if it cannot be kept right now.
    await this.settle(userId, key, lock, () => this.records.complete(userId, key, lock, result.status, result.body));
    return { ...result, replayed: false };
  }

  /**
   * After a transient failure the work may still have committed (the connection broke after the
   * commit): then its answer is kept; otherwise the key is let go, so that a retry runs afresh.
   */
  private async letGo<T>(userId: string, key: string, lock: Date, recover: () => Promise<Answer<T> | null>): Promise<void> {
    let answer: Answer<unknown> | null;
    try {
      answer = await recover();
    } catch (error) {
      if (!(error instanceof AppError) || TRANSIENT.has(error.code)) throw error;
      answer = { status: error.status, body: refusalBody(error) };
    }
    if (answer) await this.records.complete(userId, key, lock, answer.status, answer.body);
    else await this.records.release(userId, key, lock);
  }

  /** Writes now; when the database cannot take it, again every SETTLE_RETRY_MS while the lock is this instance's. */
  private async settle(userId: string, key: string, lock: Date, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch {
      this.unsettled.set(unsettledId(userId, key), { write, giveUpAt: lock.getTime() + STALE_LOCK_MS - SETTLE_MARGIN_MS });
      this.scheduleRetry();
    }
  }

  /** A write this instance still owes on the key goes first, so a retry sees what it leaves. */
  private async settleNow(userId: string, key: string): Promise<void> {
    const id = unsettledId(userId, key);
    if (this.unsettled.has(id)) await this.retry(id).catch(() => undefined);
  }

  /** One attempt at a pending write at a time: a release must not run again after a new claim. */
  private retry(id: string): Promise<void> {
    const pending = this.unsettled.get(id);
    if (!pending) return Promise.resolve();
    if (Date.now() > pending.giveUpAt) {
      this.unsettled.delete(id);
      return Promise.resolve();
    }
    pending.running ??= pending
      .write()
      .then(() => void this.unsettled.delete(id))
      .finally(() => (pending.running = undefined));
    return pending.running;
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void Promise.allSettled([...this.unsettled.keys()].map((id) => this.retry(id))).then(() => {
        if (this.unsettled.size > 0) this.scheduleRetry();
      });
    }, SETTLE_RETRY_MS);
    this.retryTimer.unref();
  }
}

function unsettledId(userId: string, key: string): string {
  return `${userId}\n${key}`;
}

function refusalBody(error: AppError): unknown {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

function replay<T>(record: IdempotencyRecordView): StoredResponse<T> {
  const status = record.responseStatus!;
  if (status >= 400) {
    const { error } = record.responseBody as { error: { code: ErrorCode; message: string; details: Record<string, unknown> } };
    throw new AppError(error.code, error.message, error.details);
  }
  return { status, body: record.responseBody as T, replayed: true };
}
