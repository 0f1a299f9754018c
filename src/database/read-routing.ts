import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_LOGGER } from '@/config/config.module.js';
import type { PrismaClient } from '@/generated/prisma/client.js';
import { type PoolUsage, PrismaService } from './prisma.service.js';
import { RecentWriters, type WriteBatch } from './recent-writers.js';
import { createReplicaClient, READ_REPLICA, type ReplicaSettings } from './replica-client.js';
import { ReplicationLag } from './replication-lag.js';
import { parseWalPosition, type WalPosition } from './wal-position.js';

/**
 * `none`: no replica configured. `starting`: not checked yet. `healthy`: reads may go to it.
 * Otherwise every read goes to the primary until the next check finds it healthy again.
 */
export type ReplicaState = 'none' | 'starting' | 'healthy' | 'lagging' | 'unreachable' | 'not-a-standby';

type ReplicaReading = { kind: 'replayed'; position: WalPosition } | { kind: 'not-a-standby' } | { kind: 'unreachable'; error: unknown };

/** While someone waits for the replica to catch up on their write. */
const WAITING_CHECK_MS = 150;
/** Otherwise: enough to notice lag, an outage and a recovery within a second or so. */
const IDLE_CHECK_MS = 1_000;
const MAX_TRACKED_WRITERS = 100_000;

/**
 * Where a read goes: the streaming replica (DATABASE_REPLICA_URL) when there is one, except for a
 * reader who wrote a moment ago, who reads the primary so their own comment is never missing.
 * Writes and transactions always use PrismaService (the primary).
 *
 * A writer reads the primary until the replica has replayed past the primary's WAL position as of
 * noteWrite (read once for all the writers noted between two checks). The same checks measure the
 * replica's lag and notice an outage; both send every read to the primary until it recovers.
 */
@Injectable()
export class ReadRouting implements OnModuleInit, OnModuleDestroy {
  private readonly replica: PrismaClient | undefined;
  private readonly replicaPool: (() => PoolUsage | undefined) | undefined;
  private readonly maxLagMs: number;
  private readonly writers = new RecentWriters(MAX_TRACKED_WRITERS);
  private readonly lag = new ReplicationLag();
  private state: ReplicaState;
  private replayed: WalPosition | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextCheckAt = 0;
  private checking: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly primary: PrismaService,
    @Inject(READ_REPLICA) settings: ReplicaSettings | null,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {
    const replica = settings ? createReplicaClient(settings) : undefined;
    this.replica = replica?.client;
    this.replicaPool = replica?.poolUsage;
    this.maxLagMs = settings?.maxLagMs ?? Infinity;
    this.state = settings ? 'starting' : 'none';
  }

  /** The client to read with on behalf of `viewerId` (undefined: an anonymous reader). */
  reader(viewerId?: string): PrismaClient {
    if (!this.replica || this.state !== 'healthy') return this.primary;
    if (viewerId !== undefined && this.writers.mustReadPrimary(viewerId, this.replayed)) return this.primary;
    return this.replica;
  }

  /** `userId` just wrote: read their next requests from the primary until the replica has caught up. */
  noteWrite(userId: string): void {
    if (!this.replica || this.closed) return;
    this.writers.note(userId);
    // Until the next check reads the primary's position, the writer reads the primary: bring it forward.
    if (this.timer && this.state === 'healthy' && this.nextCheckAt - Date.now() > WAITING_CHECK_MS) this.scheduleCheck(WAITING_CHECK_MS);
  }

  /** The replica's pool now, for the metrics; undefined without a replica or before its first query. */
  replicaPoolUsage(): PoolUsage | undefined {
    return this.replicaPool?.();
  }

  /** For tests and diagnostics; /readyz stays about the primary. */
  replicaState(): ReplicaState {
    return this.state;
  }

  onModuleInit(): void {
    if (this.replica) this.scheduleCheck(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.checking;
    await this.replica?.$disconnect();
  }

  private scheduleCheck(delayMs: number): void {
    clearTimeout(this.timer);
    this.nextCheckAt = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.runCheck(), delayMs);
    this.timer.unref();
  }

  private async runCheck(): Promise<void> {
    this.timer = undefined;
    this.checking = this.check(this.replica!);
    await this.checking;
    this.checking = undefined;
    if (this.closed) return;
    // An unhealthy replica is checked at the idle pace: its waiting writers read the primary anyway.
    this.scheduleCheck(this.writers.size > 0 && this.state === 'healthy' ? WAITING_CHECK_MS : IDLE_CHECK_MS);
  }

  private async check(replica: PrismaClient): Promise<void> {
    // Closed before the primary is asked, so every writer in it wrote before the answer.
    const batch = this.writers.closeBatch();
    const [, reading] = await Promise.all([this.samplePrimary(batch), this.readReplica(replica)]);
    if (this.closed) return;
    if (reading.kind !== 'replayed') {
      this.enter(reading.kind, reading.kind === 'unreachable' ? { err: reading.error } : {});
      return;
    }
    this.replayed = reading.position;
    this.writers.forgetReplayed(reading.position);
    this.lag.replayedUpTo(reading.position);
    const lagMs = this.lag.lagMs(Date.now());
    this.enter(lagMs > this.maxLagMs ? 'lagging' : 'healthy', { lagMs, maxLagMs: this.maxLagMs });
  }

  /**
   * The primary's write position: a commit (synchronous_commit on, the default) has written its WAL
   * before it returns, so a position read after noteWrite covers the write noted.
   */
  private async samplePrimary(batch: WriteBatch): Promise<void> {
    try {
      const [row] = await this.primary.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
      const position = parseWalPosition(row?.lsn ?? '');
      this.writers.resolve(batch, position);
      this.lag.primaryAt(position, Date.now());
    } catch {
      // The primary is down: its writers keep reading it (and failing) until it is back.
      this.writers.reopen(batch);
    }
  }

  private async readReplica(replica: PrismaClient): Promise<ReplicaReading> {
    try {
      const [row] = await replica.$queryRaw<{ lsn: string | null }[]>`SELECT pg_last_wal_replay_lsn()::text AS lsn`;
      return row?.lsn ? { kind: 'replayed', position: parseWalPosition(row.lsn) } : { kind: 'not-a-standby' };
    } catch (error) {
      return { kind: 'unreachable', error };
    }
  }

  /** Logged once per change of state, not once per check. */
  private enter(next: ReplicaState, details: Record<string, unknown>): void {
    const previous = this.state;
    if (next === previous) return;
    this.state = next;
    const log = { previous, ...details };
    if (next === 'healthy') this.logger.info(log, previous === 'starting' ? 'reading from the replica' : 'the replica has recovered: reading from it again');
    else if (next === 'lagging') this.logger.warn(log, 'the replica lags more than REPLICA_MAX_LAG_MS: reading from the primary');
    else if (next === 'unreachable') this.logger.warn(log, 'the replica is unreachable: reading from the primary');
    else this.logger.warn(log, 'DATABASE_REPLICA_URL is not a standby (pg_last_wal_replay_lsn() is null): reading from the primary');
  }
}
