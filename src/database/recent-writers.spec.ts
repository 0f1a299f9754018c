import { describe, expect, it } from '@jest/globals';
import { RecentWriters } from './recent-writers.js';

describe('RecentWriters', () => {
  it('keeps a writer on the primary until their batch position is known and replayed', () => {
    const writers = new RecentWriters(10);
    writers.note('ann');
    expect(writers.mustReadPrimary('ann', 1_000n)).toBe(true); // position not known yet
    expect(writers.mustReadPrimary('bob', 1_000n)).toBe(false); // never wrote

    writers.resolve(writers.closeBatch(), 500n);
    expect(writers.mustReadPrimary('ann', undefined)).toBe(true);
    expect(writers.mustReadPrimary('ann', 499n)).toBe(true);
    expect(writers.mustReadPrimary('ann', 500n)).toBe(false);
  });

  it('does not let a read that began before a note cover it', () => {
    const writers = new RecentWriters(10);
    writers.note('ann');
    const inFlight = writers.closeBatch();
    writers.note('bob'); // committed after the primary was asked
    writers.resolve(inFlight, 500n);
    expect(writers.mustReadPrimary('ann', 500n)).toBe(false);
    expect(writers.mustReadPrimary('bob', 500n)).toBe(true);

    writers.resolve(writers.closeBatch(), 600n);
    expect(writers.mustReadPrimary('bob', 599n)).toBe(true);
    expect(writers.mustReadPrimary('bob', 600n)).toBe(false);
  });

  it('waits for the later position when a writer writes again while a read is in flight', () => {
    const writers = new RecentWriters(10);
    writers.note('ann');
    const first = writers.closeBatch();
    writers.note('ann');
    writers.resolve(first, 500n);
    expect(writers.mustReadPrimary('ann', 10_000n)).toBe(true);
    writers.resolve(writers.closeBatch(), 700n);
    expect(writers.mustReadPrimary('ann', 699n)).toBe(true);
    expect(writers.mustReadPrimary('ann', 700n)).toBe(false);
  });

  it('carries a batch whose read failed into the next one', () => {
    const writers = new RecentWriters(10);
    writers.note('ann');
    writers.reopen(writers.closeBatch());
    writers.note('bob');
    writers.resolve(writers.closeBatch(), 800n);
    expect(writers.mustReadPrimary('ann', 799n)).toBe(true);
    expect(writers.mustReadPrimary('ann', 800n)).toBe(false);
    expect(writers.mustReadPrimary('bob', 800n)).toBe(false);
  });

  it('forgets the writers the replica has replayed past, and no others', () => {
    const writers = new RecentWriters(10);
    writers.note('ann');
    writers.resolve(writers.closeBatch(), 100n);
    writers.note('bob');
    writers.resolve(writers.closeBatch(), 200n);
    writers.note('cat'); // position unknown
    writers.forgetReplayed(150n);
    expect(writers.size).toBe(2);
    expect(writers.mustReadPrimary('bob', 150n)).toBe(true);
    writers.forgetReplayed(10_000n);
    expect(writers.size).toBe(1);
    expect(writers.mustReadPrimary('cat', 10_000n)).toBe(true);
  });

  it('is bounded: past its capacity the oldest writer is forgotten', () => {
    const writers = new RecentWriters(3);
    for (const userId of ['ann', 'bob', 'cat']) writers.note(userId);
    writers.note('ann'); // wrote again: now the newest
    writers.note('dan');
    expect(writers.size).toBe(3);
    expect(writers.mustReadPrimary('bob', undefined)).toBe(false);
    for (const userId of ['ann', 'cat', 'dan']) expect(writers.mustReadPrimary(userId, undefined)).toBe(true);

    const many = new RecentWriters(1_000);
    for (let i = 0; i < 5_000; i++) many.note(`user-${i}`);
    expect(many.size).toBe(1_000);
    many.resolve(many.closeBatch(), 1n);
    expect(many.mustReadPrimary('user-4999', 0n)).toBe(true);
    expect(many.mustReadPrimary('user-4999', 1n)).toBe(false);
  });
});
