import { createMock, type DeepMocked } from '@golevelup/ts-jest';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { AppError, ERROR_STATUS, type ErrorCode } from '@/common/errors/app-error.js';
import type { Housekeeping } from '@/common/housekeeping/housekeeping.js';
import type { IdempotencyRecordView, IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService, requestFingerprint } from './idempotency.service.js';

// The contract's numbers, stated here rather than imported, so that changing one fails a test.
const RETENTION_MS = 24 * 3600 * 1000;
const STALE_LOCK_MS = 30_000;
const WAIT_FOR_FIRST_MS = 5_000;
const SETTLE_RETRY_MS = 200;

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const USER = '7d0f3c52-93b1-4c3e-9a57-1f6b2f1c0a11';
const KEY = 'retry-key-1';
const FIRST_REQUEST = requestFingerprint({ articleId: 'seoul-budget', body: 'First!' });
const ANOTHER_REQUEST = requestFingerprint({ articleId: 'seoul-budget', body: 'Second thoughts' });

/** The lock a claim takes (the database's time of the claim), and the one a takeover takes. */
const LOCK = new Date(NOW);
const TAKEN_OVER_LOCK = new Date(NOW + 1);

interface Answer {
  status: number;
  body: { comment: { id: string } };
}
const POSTED: Answer = { status: 201, body: { comment: { id: 'c-1' } } };

/** The record of the first request under (USER, KEY): by default still running, locked just now. */
function aRecord(overrides: Partial<IdempotencyRecordView> = {}): IdempotencyRecordView {
  return { requestHash: FIRST_REQUEST, responseStatus: null, responseBody: null, lockedAt: new Date(), expiresAt: new Date(NOW + RETENTION_MS), ...overrides };
}

function anAnsweredRecord(status: number, body: unknown): IdempotencyRecordView {
  return aRecord({ responseStatus: status, responseBody: body, lockedAt: null });
}

/** A first request whose instance died: its lock is older than the stale limit. */
function aStaleRecord(): IdempotencyRecordView {
  return aRecord({ lockedAt: new Date(Date.now() - STALE_LOCK_MS - 1) });
}

function refusalBody(error: AppError): unknown {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

describe('IdempotencyService', () => {
  let records: DeepMocked<IdempotencyRepository>;
  let housekeeping: DeepMocked<Housekeeping>;
  let service: IdempotencyService;
  let work: jest.Mock<() => Promise<Answer>>;

  beforeEach(() => {
    // Fakes Date. The service's poll between reads (node:timers/promises) stays a real 50 ms: tests
    // that wait move the clock themselves.
    jest.useFakeTimers({ now: NOW });
    // Strict: a repository call a test did not stub throws, naming it, and fails the test. Records are
    // found with mockResolvedValueOnce, so a poll more than the test expects fails at once rather
    // than waiting on a clock that only the test moves.
    records = createMock<IdempotencyRepository>({}, { name: 'IdempotencyRepository', strict: true });
    records.deleteExpired.mockResolvedValue(undefined);
    housekeeping = createMock<Housekeeping>({}, { name: 'Housekeeping', strict: true });
    housekeeping.addSweep.mockReturnValue(undefined);
    service = new IdempotencyService(records, housekeeping);
    work = jest.fn(() => Promise.resolve(POSTED));
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  describe('a first request under a key', () => {
    beforeEach(() => {
      records.claim.mockResolvedValue(LOCK);
    });

    it('runs the work, keeps its answer for 24 hours and answers it with replayed: false', async () => {
      records.complete.mockResolvedValue(undefined);

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).resolves.toEqual({ ...POSTED, replayed: false });

      expect(work).toHaveBeenCalledTimes(1);
      expect(records.claim).toHaveBeenCalledWith(USER, KEY, FIRST_REQUEST, new Date(NOW + RETENTION_MS));
      expect(records.complete).toHaveBeenCalledWith(USER, KEY, LOCK, 201, POSTED.body);
    });

    it('first drops an expired record under the key, so a request after the 24 hours runs afresh', async () => {
      records.complete.mockResolvedValue(undefined);

      await service.run(USER, KEY, FIRST_REQUEST, work);

      expect(records.deleteExpired).toHaveBeenCalledWith(USER, KEY, new Date(NOW));
      expect(records.deleteExpired.mock.invocationCallOrder[0]).toBeLessThan(records.claim.mock.invocationCallOrder[0]!);
    });

    it.each<ErrorCode>(['COMMENT_TOO_LONG', 'POLICY_REJECTED', 'ARTICLE_CLOSED', 'USER_BANNED', 'NOT_FOUND'])(
      'keeps the refusal %s as the answer and throws it',
      async (code) => {
        const refusal = new AppError(code, 'Refused.', { rule: 'example' });
        work.mockRejectedValue(refusal);
        records.complete.mockResolvedValue(undefined);

        await expect(service.run(USER, KEY, FIRST_REQUEST, work)).rejects.toBe(refusal);

        expect(records.complete).toHaveBeenCalledWith(USER, KEY, LOCK, ERROR_STATUS[code], refusalBody(refusal));
      },
    );

    it.each<ErrorCode>(['RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL'])(
      'lets go of the key after the transient failure %s, so that a retry runs afresh',
      async (code) => {
        const failure = new AppError(code, 'Try again.');
        work.mockRejectedValue(failure);
        records.release.mockResolvedValue(undefined);

        await expect(service.run(USER, KEY, FIRST_REQUEST, work)).rejects.toBe(failure);

        expect(records.release).toHaveBeenCalledWith(USER, KEY, LOCK);
      },
    );

    it('lets go of the key after an unexpected error', async () => {
      const failure = new TypeError("Cannot read properties of undefined (reading 'id')");
      work.mockRejectedValue(failure);
      records.release.mockResolvedValue(undefined);

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).rejects.toBe(failure);

      expect(records.release).toHaveBeenCalledWith(USER, KEY, LOCK);
    });

    it("throws the work's own error when letting go of the key fails too", async () => {
      const failure = new AppError('SERVICE_UNAVAILABLE', 'The database cannot be reached.');
      work.mockRejectedValue(failure);
      records.release.mockRejectedValue(new Error('Connection terminated unexpectedly'));

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).rejects.toBe(failure);
    });
  });

  describe('when the database goes away between the claim and the answer', () => {
    const unreachable = () => new Error('Connection terminated unexpectedly');
    const committed: Answer = { status: 201, body: { comment: { id: 'c-committed' } } };

    beforeEach(() => {
      records.claim.mockResolvedValue(LOCK);
    });

    it('keeps the answer of a first attempt that committed before its connection broke, instead of letting go of the key', async () => {
      const failure = new AppError('SERVICE_UNAVAILABLE', 'The database cannot be reached.');
      work.mockRejectedValue(failure);
      records.complete.mockResolvedValue(undefined);
      const alreadyPosted = jest.fn(() => Promise.resolve<Answer | null>(committed));

      await expect(service.run(USER, KEY, FIRST_REQUEST, work, alreadyPosted)).rejects.toBe(failure);

      expect(records.complete).toHaveBeenCalledWith(USER, KEY, LOCK, 201, committed.body);
    });

    it('answers the work it did although its answer cannot be kept yet, and keeps it once the database is back', async () => {
      records.complete.mockRejectedValueOnce(unreachable()).mockResolvedValue(undefined);

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).resolves.toEqual({ ...POSTED, replayed: false });
      expect(records.complete).toHaveBeenCalledTimes(1);

      await jest.advanceTimersByTimeAsync(SETTLE_RETRY_MS);
      expect(records.complete).toHaveBeenCalledTimes(2);
      expect(records.complete).toHaveBeenLastCalledWith(USER, KEY, LOCK, 201, POSTED.body);

      await jest.advanceTimersByTimeAsync(10 * SETTLE_RETRY_MS);
      expect(records.complete).toHaveBeenCalledTimes(2);
    });

    it('lets go of the key once the database is back, when it could not at once', async () => {
      work.mockRejectedValue(new AppError('SERVICE_UNAVAILABLE', 'The database cannot be reached.'));
      records.release.mockRejectedValueOnce(unreachable()).mockRejectedValueOnce(unreachable()).mockResolvedValue(undefined);

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      await jest.advanceTimersByTimeAsync(5 * SETTLE_RETRY_MS);

      expect(records.release).toHaveBeenCalledTimes(3);
      expect(records.release).toHaveBeenLastCalledWith(USER, KEY, LOCK);
    });

    it('lets a retry on the same instance first write what the instance owes on the key, then run afresh', async () => {
      work.mockRejectedValueOnce(new AppError('SERVICE_UNAVAILABLE', 'The database cannot be reached.'));
      records.release.mockRejectedValueOnce(unreachable()).mockResolvedValue(undefined);
      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });

      // The retry comes before the next background attempt: the key is still held by the first.
      const retryLock = new Date(NOW + 50);
      records.claim.mockResolvedValueOnce(null).mockResolvedValueOnce(retryLock);
      records.find.mockResolvedValueOnce(null);
      records.complete.mockResolvedValue(undefined);

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).resolves.toEqual({ ...POSTED, replayed: false });

      expect(records.release).toHaveBeenCalledTimes(2);
      expect(records.release.mock.invocationCallOrder[1]).toBeLessThan(records.find.mock.invocationCallOrder[0]!);
      expect(records.complete).toHaveBeenCalledWith(USER, KEY, retryLock, 201, POSTED.body);
    });

    it('gives up before its lock may be taken over, leaving the request to a retry on any instance', async () => {
      work.mockRejectedValue(new AppError('SERVICE_UNAVAILABLE', 'The database cannot be reached.'));
      records.release.mockRejectedValue(unreachable());
      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });

      await jest.advanceTimersByTimeAsync(STALE_LOCK_MS - 5_000);
      const attempts = records.release.mock.calls.length;
      expect(attempts).toBeGreaterThan(50);

      await jest.advanceTimersByTimeAsync(STALE_LOCK_MS);
      expect(records.release.mock.calls.length).toBeLessThanOrEqual(attempts + 1);
    });
  });

  describe('a retry of the same request', () => {
    beforeEach(() => {
      records.claim.mockResolvedValue(null);
    });

    it('answers the kept answer with replayed: true, without running the work', async () => {
      records.find.mockResolvedValueOnce(anAnsweredRecord(201, POSTED.body));

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).resolves.toEqual({ ...POSTED, replayed: true });

      expect(work).not.toHaveBeenCalled();
    });

    it('throws the kept refusal again, with its status, code, message and details', async () => {
      const refusal = new AppError('POLICY_REJECTED', 'This comment breaks the Standards Board policy.', { reasons: [{ rule: 'terms.banned' }] });
      records.find.mockResolvedValueOnce(anAnsweredRecord(422, refusalBody(refusal)));

      const thrown = await service.run(USER, KEY, FIRST_REQUEST, work).catch((error: unknown) => error);

      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ status: 422, code: 'POLICY_REJECTED', message: refusal.message, details: refusal.details });
      expect(work).not.toHaveBeenCalled();
    });

    it('waits while the first request runs, then answers its answer', async () => {
      records.find.mockResolvedValueOnce(aRecord()).mockResolvedValueOnce(anAnsweredRecord(201, POSTED.body));

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).resolves.toEqual({ ...POSTED, replayed: true });

      expect(records.find).toHaveBeenCalledTimes(2);
      expect(work).not.toHaveBeenCalled();
    });

    it('answers REQUEST_IN_PROGRESS when the first request is still running after 5 seconds', async () => {
      // A second passes between polls; the first request's lock stays fresh all along.
      const lockedAt = new Date(NOW);
      records.find.mockImplementation(() => {
        jest.setSystemTime(Date.now() + 1_000);
        return Promise.resolve(aRecord({ lockedAt }));
      });

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).rejects.toMatchObject({ code: 'REQUEST_IN_PROGRESS', status: 409 });

      expect(Date.now()).toBe(NOW + WAIT_FOR_FIRST_MS);
      expect(work).not.toHaveBeenCalled();
    });

    it('runs the request itself when the first one let go of the key meanwhile', async () => {
      records.claim.mockResolvedValueOnce(null).mockResolvedValueOnce(LOCK);
      records.find.mockResolvedValueOnce(null);
      records.complete.mockResolvedValue(undefined);

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).resolves.toEqual({ ...POSTED, replayed: false });

      expect(records.claim).toHaveBeenLastCalledWith(USER, KEY, FIRST_REQUEST, new Date(NOW + RETENTION_MS));
      expect(records.complete).toHaveBeenCalledWith(USER, KEY, LOCK, 201, POSTED.body);
    });
  });

  describe('another request under the same key', () => {
    beforeEach(() => {
      records.claim.mockResolvedValue(null);
    });

    it.each([
      ['has been answered', () => anAnsweredRecord(201, POSTED.body)],
      ['is still running', () => aRecord()],
      ['was left behind by a dead instance', aStaleRecord],
    ])('is refused with IDEMPOTENCY_KEY_REUSED when the first request %s', async (_, firstRequest) => {
      records.find.mockResolvedValueOnce(firstRequest());

      await expect(service.run(USER, KEY, ANOTHER_REQUEST, work)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 422 });

      expect(work).not.toHaveBeenCalled();
    });
  });

  describe('a retry after the first attempt died with its instance (a lock older than 30 s)', () => {
    const recovered: Answer = { status: 201, body: { comment: { id: 'c-committed' } } };

    beforeEach(() => {
      records.claim.mockResolvedValue(null);
    });

    it("takes the request over and answers the first attempt's comment, without running the work again", async () => {
      records.find.mockResolvedValueOnce(aStaleRecord());
      records.takeOverStale.mockResolvedValue(TAKEN_OVER_LOCK);
      records.complete.mockResolvedValue(undefined);
      const alreadyPosted = jest.fn(() => Promise.resolve<Answer | null>(recovered));

      await expect(service.run(USER, KEY, FIRST_REQUEST, work, alreadyPosted)).resolves.toEqual({ ...recovered, replayed: false });

      expect(records.takeOverStale).toHaveBeenCalledWith(USER, KEY, new Date(NOW - STALE_LOCK_MS));
      expect(records.complete).toHaveBeenCalledWith(USER, KEY, TAKEN_OVER_LOCK, 201, recovered.body);
      expect(work).not.toHaveBeenCalled();
    });

    it('takes the request over and runs the work when the first attempt left nothing behind', async () => {
      records.find.mockResolvedValueOnce(aStaleRecord());
      records.takeOverStale.mockResolvedValue(TAKEN_OVER_LOCK);
      records.complete.mockResolvedValue(undefined);
      const alreadyPosted = jest.fn(() => Promise.resolve<Answer | null>(null));

      await expect(service.run(USER, KEY, FIRST_REQUEST, work, alreadyPosted)).resolves.toEqual({ ...POSTED, replayed: false });

      expect(alreadyPosted).toHaveBeenCalledTimes(1);
      expect(work).toHaveBeenCalledTimes(1);
      expect(records.complete).toHaveBeenCalledWith(USER, KEY, TAKEN_OVER_LOCK, 201, POSTED.body);
    });

    it('takes the request over and runs the work when the caller has no way to recover', async () => {
      records.find.mockResolvedValueOnce(aStaleRecord());
      records.takeOverStale.mockResolvedValue(TAKEN_OVER_LOCK);
      records.complete.mockResolvedValue(undefined);

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).resolves.toEqual({ ...POSTED, replayed: false });

      expect(work).toHaveBeenCalledTimes(1);
    });

    it("keeps a refusal that recovery finds (the first attempt's comment was rejected) as the answer", async () => {
      const refusal = new AppError('POLICY_REJECTED', 'This comment breaks the Standards Board policy.', { reasons: [] });
      records.find.mockResolvedValueOnce(aStaleRecord());
      records.takeOverStale.mockResolvedValue(TAKEN_OVER_LOCK);
      records.complete.mockResolvedValue(undefined);
      const alreadyPosted = jest.fn(() => Promise.reject<Answer | null>(refusal));

      await expect(service.run(USER, KEY, FIRST_REQUEST, work, alreadyPosted)).rejects.toBe(refusal);

      expect(records.complete).toHaveBeenCalledWith(USER, KEY, TAKEN_OVER_LOCK, 422, refusalBody(refusal));
      expect(work).not.toHaveBeenCalled();
    });

    it('leaves the request to the instance that took it over first, and answers its answer', async () => {
      records.find.mockResolvedValueOnce(aStaleRecord()).mockResolvedValueOnce(anAnsweredRecord(201, POSTED.body));
      records.takeOverStale.mockResolvedValue(null);
      const alreadyPosted = jest.fn(() => Promise.resolve<Answer | null>(recovered));

      await expect(service.run(USER, KEY, FIRST_REQUEST, work, alreadyPosted)).resolves.toEqual({ ...POSTED, replayed: true });

      expect(alreadyPosted).not.toHaveBeenCalled();
      expect(work).not.toHaveBeenCalled();
    });

    it('does not take over a lock that is exactly 30 s old', async () => {
      // takeOverStale is not stubbed: trying it would fail the test.
      records.find.mockResolvedValueOnce(aRecord({ lockedAt: new Date(NOW - STALE_LOCK_MS) })).mockResolvedValueOnce(anAnsweredRecord(201, POSTED.body));

      await expect(service.run(USER, KEY, FIRST_REQUEST, work)).resolves.toEqual({ ...POSTED, replayed: true });
    });
  });

  describe('the sweep of expired records', () => {
    it('hands housekeeping a sweep that drops every record expired by the time it runs', async () => {
      records.deleteAllExpired.mockResolvedValue(undefined);
      const [[name, sweep]] = housekeeping.addSweep.mock.calls as [[string, () => Promise<void>]];
      jest.setSystemTime(NOW + 60_000);

      await sweep();

      expect(name).toBe('idempotency records');
      expect(records.deleteAllExpired).toHaveBeenCalledWith(new Date(NOW + 60_000));
    });
  });
});

describe('requestFingerprint', () => {
  it('is the same for the same request and differs when any part of it differs', () => {
    const request = { articleId: 'seoul-budget', body: 'First!', parentId: 'c-0' };
    expect(requestFingerprint({ ...request })).toBe(requestFingerprint(request));
    expect(requestFingerprint({ ...request, articleId: 'busan-port' })).not.toBe(requestFingerprint(request));
    expect(requestFingerprint({ ...request, body: 'First! ' })).not.toBe(requestFingerprint(request));
    expect(requestFingerprint({ ...request, parentId: undefined })).not.toBe(requestFingerprint(request));
  });
});
