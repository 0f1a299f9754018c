import { describe, expect, it } from '@jest/globals';
import { ReplicationLag } from './replication-lag.js';

describe('ReplicationLag', () => {
  it('is zero while the replica keeps up, even on an idle primary', () => {
    const lag = new ReplicationLag();
    expect(lag.lagMs(0)).toBe(0);
    lag.primaryAt(100n, 1_000);
    lag.replayedUpTo(100n);
    lag.primaryAt(100n, 60_000); // nothing written for a minute
    expect(lag.lagMs(61_000)).toBe(0);
  });

  it('counts from the first moment the primary had WAL that is still not replayed', () => {
    const lag = new ReplicationLag();
    lag.primaryAt(100n, 1_000);
    lag.primaryAt(100n, 2_000);
    lag.primaryAt(200n, 3_000);
    lag.replayedUpTo(50n);
    expect(lag.lagMs(5_000)).toBe(4_000);
    lag.replayedUpTo(150n);
    expect(lag.lagMs(5_000)).toBe(2_000);
    lag.replayedUpTo(200n);
    expect(lag.lagMs(5_000)).toBe(0);
  });

  it('is bounded, and still measures from the oldest sample when full', () => {
    const lag = new ReplicationLag(3);
    for (let i = 1; i <= 10; i++) lag.primaryAt(BigInt(i * 100), i * 1_000);
    expect(lag.lagMs(20_000)).toBe(19_000);
    lag.replayedUpTo(300n); // past the two oldest; the third now stands for the newest
    expect(lag.lagMs(20_000)).toBe(10_000);
    lag.replayedUpTo(1_000n);
    expect(lag.lagMs(20_000)).toBe(0);
  });
});
