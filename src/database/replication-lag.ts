import type { WalPosition } from './wal-position.js';

interface Sample {
  position: WalPosition;
  at: number;
}

/**
 * Replication lag as "how long ago did the primary have WAL that the replica has not replayed yet",
 * from the primary's position sampled now and then. Unlike `now() - pg_last_xact_replay_timestamp()`,
 * this stays at zero on an idle primary and grows from the first unreplayed write, not from the
 * last replayed one.
 */
export class ReplicationLag {
  /** Oldest first, positions strictly increasing. */
  private readonly samples: Sample[] = [];
  /** Samples are dropped once replayed; a later sighting of their position is no new WAL. */
  private highestSeen: WalPosition = -1n;

  constructor(private readonly capacity = 1_000) {}

  /** The primary was at `position` at time `at` (ms). */
  primaryAt(position: WalPosition, at: number): void {
    // The first time a position was seen is when the primary had it: later sightings add nothing.
    if (position <= this.highestSeen) return;
    this.highestSeen = position;
    // Full (a long outage of the replica): the oldest sample is the one the lag is measured from.
    if (this.samples.length >= this.capacity) this.samples.pop();
    this.samples.push({ position, at });
  }

  /** The replica has replayed up to `position`. */
  replayedUpTo(position: WalPosition): void {
    const firstBehind = this.samples.findIndex((sample) => sample.position > position);
    this.samples.splice(0, firstBehind === -1 ? this.samples.length : firstBehind);
  }

  /** Milliseconds since the primary had the oldest position not yet replayed; 0 when caught up. */
  lagMs(now: number): number {
    const oldest = this.samples[0];
    return oldest ? Math.max(0, now - oldest.at) : 0;
  }
}
