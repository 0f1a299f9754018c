import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import { DEFAULT_SITE_ID, type SiteScope } from '@/modules/sites/site-scope.js';
import { applyGrantAtFirstLogin } from '@/modules/role-grants/role-grants.js';
import type { IdentityProfile, IdentityRecord, SessionPrincipal, UserRecord } from './auth.types.js';

@Injectable()
export class AuthRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The unrevoked session of a token, with its user; expired ones are the caller's to refuse. Not
   * scoped: a token names its user, and the user its site, which the guard compares with the request's.
   */
  async findUnrevokedSession(tokenHash: Buffer): Promise<{ principal: SessionPrincipal; expiresAt: Date; createdAt: Date } | null> {
    const session = await this.prisma.session.findUnique({
      where: { tokenHash: new Uint8Array(tokenHash) },
      include: { user: true },
    });
    if (!session || session.revokedAt) return null;
    return { principal: { user: session.user, sessionId: session.id }, expiresAt: session.expiresAt, createdAt: session.createdAt };
  }

  async createSession(userId: string, provider: string, tokenHash: Buffer, expiresAt: Date): Promise<void> {
    await this.prisma.session.create({
      data: { userId, provider, tokenHash: new Uint8Array(tokenHash), expiresAt },
    });
  }

  /**
   * Swaps an unrevoked session for a new token in one transaction: the old token stops working as
   * the new one starts. Null when the session was revoked meanwhile (a logout elsewhere won).
   */
  async renewSession(sessionId: string, tokenHash: Buffer, expiresAt: Date, now: Date): Promise<UserRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const revoked = await tx.session.updateMany({ where: { id: sessionId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
      if (revoked.count === 0) return null;
      const { userId, provider, user } = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, include: { user: true } });
      await tx.session.create({ data: { userId, provider, tokenHash: new Uint8Array(tokenHash), expiresAt } });
      return user;
    });
  }

  async revokeSession(sessionId: string, now: Date): Promise<void> {
    await this.prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  }

  /**
   * The user behind (provider, subject): found when that identity is known, else created. Display
   * name and, for trusted providers, role follow the provider's latest word.
   *
   * A new identity joins an existing account by e-mail only when both sides vouch for the address:
   * this login's provider marks it verified, and so did the provider of the identity it matches.
   * An unverified address never links, in either direction: anyone can type someone else's.
   */
  async upsertUserByIdentity(scope: SiteScope, profile: IdentityProfile): Promise<UserRecord> {
    try {
      return await this.upsertUserByIdentityOnce(scope, profile);
    } catch (error) {
      // Two first logins of the same identity at once: the loser finds the winner's row.
      if (!isUniqueViolation(error)) throw error;
      return this.upsertUserByIdentityOnce(scope, profile);
    }
  }

  /** Accounts, identities and the e-mail links between them are each site's own. */
  private upsertUserByIdentityOnce(scope: SiteScope, profile: IdentityProfile): Promise<UserRecord> {
    const { siteId } = scope;
    const { provider, subject } = profile;
    const email = profile.email ?? null;
    const emailVerified = email !== null && profile.emailVerified === true;
    const role = profile.role ? { role: profile.role } : {};
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.identity.findUnique({ where: { siteId_provider_subject: { siteId, provider, subject } } });
      if (existing) {
        await tx.identity.update({ where: { id: existing.id }, data: { email, emailVerified } });
        return tx.user.update({ where: { id: existing.userId }, data: { displayName: profile.displayName, ...role } });
      }
      const sameVerifiedEmail = emailVerified
        ? await tx.identity.findFirst({
            where: { siteId, email: { equals: email, mode: 'insensitive' }, emailVerified: true },
            orderBy: { createdAt: 'asc' },
          })
        : null;
      // A role granted to this identity before its first login is applied after the provider's word.
      if (sameVerifiedEmail) {
        await tx.identity.create({ data: { siteId, userId: sameVerifiedEmail.userId, provider, subject, email, emailVerified } });
        // The account keeps the name it has; only a trusted provider's role applies.
        await tx.user.update({ where: { id: sameVerifiedEmail.userId }, data: role });
        await applyGrantAtFirstLogin(tx, scope, { provider, subject }, sameVerifiedEmail.userId);
        return tx.user.findUniqueOrThrow({ where: { id: sameVerifiedEmail.userId } });
      }
      const created = await tx.user.create({
        data: { siteId, displayName: profile.displayName, provider, ...role, identities: { create: { siteId, provider, subject, email, emailVerified } } },
      });
      await applyGrantAtFirstLogin(tx, scope, { provider, subject }, created.id);
      return tx.user.findUniqueOrThrow({ where: { id: created.id } });
    });
  }

  /** The identities of a user, oldest first. */
  async findIdentities(scope: SiteScope, userId: string): Promise<IdentityRecord[]> {
    return this.prisma.identity.findMany({
      where: { siteId: scope.siteId, userId },
      orderBy: { createdAt: 'asc' },
      select: { provider: true, subject: true, email: true, emailVerified: true },
    });
  }

  /** The site's users among `userIds`, and the operators among them (who act on every site). */
  async findUsers(scope: SiteScope, userIds: string[]): Promise<UserRecord[]> {
    return this.prisma.user.findMany({ where: { id: { in: userIds }, OR: [{ siteId: scope.siteId }, { role: 'operator' }] } });
  }

  async findUser(scope: SiteScope, userId: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { id: userId, siteId: scope.siteId } });
  }

  /**
   * True the first time a publisher SSO token id is seen on the site; false on every replay. The
   * default site's ids are stored as they come, as before there were sites.
   */
  async claimSsoTokenId(scope: SiteScope, jti: string, expiresAt: Date): Promise<boolean> {
    return this.claimTokenId(scope.siteId === DEFAULT_SITE_ID ? jti : `site:${scope.siteId}:${jti}`, expiresAt);
  }

  private async claimTokenId(id: string, expiresAt: Date): Promise<boolean> {
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO spent_token_ids (jti, expires_at) VALUES (${id}, ${expiresAt})
      ON CONFLICT (jti) DO NOTHING`;
    return inserted === 1;
  }

  /**
   * True the first time a popup login transaction reaches its callback; false on every replay. It
   * shares the spent token ids with publisher SSO (prefixed, so the two never meet).
   */
  async claimLoginTransaction(transactionId: string, expiresAt: Date): Promise<boolean> {
    return this.claimTokenId(`login-transaction:${transactionId}`, expiresAt);
  }

  async forgetExpiredSpentTokenIds(now: Date): Promise<void> {
    await this.prisma.spentTokenId.deleteMany({ where: { expiresAt: { lt: now } } });
  }
}

/** Prisma's P2002, or PostgreSQL's 23505 somewhere in the driver adapter's cause chain. */
function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (code === 'P2002' || code === '23505') return true;
    current = cause;
  }
  return false;
}
