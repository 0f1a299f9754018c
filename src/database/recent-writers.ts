import type { WalPosition } from './wal-position.js';

interface Writer {
  /** The batch whose primary WAL position covers this user's last write. */
  batch: number;
  /** Unknown until that batch's position has been read from the primary. */
  position: WalPosition | undefined;
}

/** Users noted since one read of the primary's WAL position, which then covers all of them. */
export interface WriteBatch {
  readonly id: number;
  readonly userIds: ReadonlySet<string>;
}

/**
 * Who wrote recently and the primary's WAL position just after it, so that their reads stay on the
 * primary until the replica has replayed that far. Bounded: past `capacity`, the oldest writer is
 * forgotten (they were most likely replayed long ago).
 *
 * Batches are read in order and WAL positions only grow, so insertion order is also position order:
 * the replayed writers are always at the front, and forgetting them never scans the rest.
 */
export class RecentWriters {
  private readonly writers = new Map<string, Writer>();
  private open: { id: number; userIds: Set<string> } = { id: 1, userIds: new Set() };

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.writers.size;
  }

  /** `userId`'s write has committed; its WAL position is that of the next batch to be read. */
  note(userId: string): void {
    this.writers.delete(userId); // re-inserted at the back, where the newest positions are
    this.writers.set(userId, { batch: this.open.id, position: undefined });
    this.open.userIds.add(userId);
    if (this.writers.size > this.capacity) {
      const [oldest] = this.writers.keys();
      if (oldest !== undefined) this.writers.delete(oldest);
    }
  }

  /**
   * Closes the open batch, just before reading the primary's position for it: a write noted after
   * the read has begun might not be covered by its answer, so it waits for the next batch.
   */
  closeBatch(): WriteBatch {
    const closed = this.open;
    this.open = { id: closed.id + 1, userIds: new Set() };
    return closed;
  }

  /** The primary's WAL position read for `batch`. */
  resolve(batch: WriteBatch, position: WalPosition): void {
    for (const userId of batch.userIds) {
      const writer = this.writers.get(userId);
      // A user who wrote again since waits for a later batch.
      if (writer && writer.position === undefined && writer.batch <= batch.id) writer.position = position;
    }
  }

  /** Reading the position for `batch` failed: its writers join the open batch. */
  reopen(batch: WriteBatch): void {
    for (const userId of batch.userIds) {
      const writer = this.writers.get(userId);
      if (writer && writer.position === undefined) this.open.userIds.add(userId);
    }
  }

  /** Whether `userId` must read the primary, the replica having replayed up to `replayed`. */
  mustReadPrimary(userId: string, replayed: WalPosition | undefined): boolean {
    const writer = this.writers.get(userId);
    if (!writer) return false;
    return writer.position === undefined || replayed === undefined || writer.position > replayed;
  }

  /** Forgets the writers the replica has replayed past. */
  forgetReplayed(replayed: WalPosition): void {
    for (const [userId, writer] of this.writers) {
      if (writer.position === undefined || writer.position > replayed) return;
      this.writers.delete(userId);
    }
  }
}
