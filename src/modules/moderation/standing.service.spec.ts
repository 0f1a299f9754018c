import { createMock, type DeepMocked } from '@golevelup/ts-jest';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { AppError } from '@/common/errors/app-error.js';
import type { AuthService } from '@/modules/auth/auth.service.js';
import type { Principal, Role } from '@/modules/auth/auth.types.js';
import { mintSiteScope } from '@/modules/sites/site-scope.js';
import type { StandingRepository, UserWithTrust } from './standing.repository.js';
import { StandingService } from './standing.service.js';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');

function aUser(id: string, role: Role = 'reader'): UserWithTrust {
  return {
    id,
    siteId: 'default',
    displayName: `User ${id}`,
    provider: 'dev',
    role,
    bannedAt: null,
    bannedUntil: null,
    createdAt: new Date(NOW - 86_400_000),
    trust: 'new',
  };
}
const SITE = mintSiteScope('default');
const actor = (user: UserWithTrust): Principal => ({ user, sessionId: 'session', site: SITE, home: SITE });

const MODERATOR = aUser('moderator', 'moderator');
const ADMIN = aUser('admin', 'admin');
const READER = aUser('reader');
const OTHER_MODERATOR = aUser('other-moderator', 'moderator');

describe('StandingService: who may ban whom', () => {
  let standing: DeepMocked<StandingRepository>;
  let auth: DeepMocked<AuthService>;
  let service: StandingService;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    // Strict: a repository call a test did not stub fails it, so a refused ban that still wrote is caught.
    standing = createMock<StandingRepository>({}, { name: 'StandingRepository', strict: true });
    auth = createMock<AuthService>({}, { name: 'AuthService', strict: true });
    const users = new Map([MODERATOR, ADMIN, READER, OTHER_MODERATOR].map((user) => [user.id, user]));
    standing.findUser.mockImplementation((_site, id) => Promise.resolve(users.get(id) ?? null));
    service = new StandingService(standing, auth);
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  const codeOf = async (promise: Promise<unknown>): Promise<string> => {
    try {
      await promise;
      return 'none';
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  };
  const banDto = (until: string | null, rejectPending = false) => ({ until, reason: 'abuse', rejectPending });

  it.each<[string, UserWithTrust, string, string | null, string]>([
    ['yourself', MODERATOR, 'moderator', null, 'VALIDATION_FAILED'],
    ['a moderator, as a moderator', MODERATOR, 'other-moderator', null, 'FORBIDDEN'],
    ['an admin, as a moderator', MODERATOR, 'admin', null, 'FORBIDDEN'],
    ['an unknown user', MODERATOR, 'nobody', null, 'NOT_FOUND'],
    ['until a time already past', MODERATOR, 'reader', new Date(NOW - 1).toISOString(), 'VALIDATION_FAILED'],
    ['until now', MODERATOR, 'reader', new Date(NOW).toISOString(), 'VALIDATION_FAILED'],
  ])('refuses to ban %s, writing nothing', async (_, by, target, until, code) => {
    expect(await codeOf(service.ban(actor(by), target, banDto(until)))).toBe(code);
    expect(standing.ban).not.toHaveBeenCalled();
  });

  it.each<[string, UserWithTrust, string, string | null, Date | null]>([
    ['a reader for good, as a moderator', MODERATOR, 'reader', null, null],
    ['a reader until a time, as a moderator', MODERATOR, 'reader', '2026-12-08T12:00:00.000Z', new Date('2026-12-08T12:00:00.000Z')],
    ['a moderator, as an admin', ADMIN, 'other-moderator', null, null],
  ])('bans %s, and forgets the user’s cached sessions', async (_, by, target, until, expectedUntil) => {
    standing.ban.mockResolvedValue({ user: { ...aUser(target), bannedAt: new Date(NOW), bannedUntil: expectedUntil }, rejected: [] });
    auth.forgetUser.mockReturnValue(undefined);

    const user = await service.ban(actor(by), target, banDto(until, true));

    expect(standing.ban).toHaveBeenCalledWith(SITE, target, expectedUntil, { actorId: by.id, reason: 'abuse', rejectPending: true });
    expect(user.status).toBe(expectedUntil ? 'suspended' : 'banned');
    expect(auth.forgetUser).toHaveBeenCalledWith(target);
  });

  it('forgets the cached sessions even when the ban fails', async () => {
    standing.ban.mockRejectedValue(new Error('connection lost'));
    auth.forgetUser.mockReturnValue(undefined);

    await expect(service.ban(actor(MODERATOR), 'reader', banDto(null))).rejects.toThrow('connection lost');
    expect(auth.forgetUser).toHaveBeenCalledWith('reader');
  });

  it('refuses a change of one’s own role or trust', async () => {
    expect(await codeOf(service.setRole(actor(ADMIN), 'admin', { role: 'reader', reason: '' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(service.setTrust(actor(MODERATOR), 'moderator', { trust: 'trusted', reason: '' }))).toBe('VALIDATION_FAILED');
    expect(standing.setRole).not.toHaveBeenCalled();
    expect(standing.setTrust).not.toHaveBeenCalled();
  });

  it('sets a reader’s trust for a moderator', async () => {
    standing.setTrust.mockResolvedValue({ ...READER, trust: 'watched' });

    expect(await service.setTrust(actor(MODERATOR), 'reader', { trust: 'watched', reason: 'brigading' })).toEqual({ userId: 'reader', trust: 'watched' });
    expect(standing.setTrust).toHaveBeenCalledWith(SITE, 'reader', 'watched', { actorId: 'moderator', reason: 'brigading' });
  });

  it('leaves the trust of staff to admins', async () => {
    expect(await codeOf(service.setTrust(actor(MODERATOR), 'other-moderator', { trust: 'watched', reason: '' }))).toBe('FORBIDDEN');
    standing.setTrust.mockResolvedValue({ ...OTHER_MODERATOR, trust: 'trusted' });
    expect(await service.setTrust(actor(ADMIN), 'other-moderator', { trust: 'trusted', reason: '' })).toEqual({ userId: 'other-moderator', trust: 'trusted' });
  });
});
