import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import type { IdentityProfile, Principal, Role, UserRecord } from './auth.types.js';

@Injectable()
export class AuthRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findActiveSession(tokenHash: Buffer, now: Date): Promise<Principal | null> {
    const session = await this.prisma.session.findUnique({
      where: { tokenHash: new Uint8Array(tokenHash) },
      include: { user: true },
    });
    if (!session || session.revokedAt || session.expiresAt <= now) return null;
    return { user: session.user, sessionId: session.id };
  }

  async createSession(userId: string, provider: string, tokenHash: Buffer, expiresAt: Date): Promise<void> {
    await this.prisma.session.create({
      data: { userId, provider, tokenHash: new Uint8Array(tokenHash), expiresAt },
    });
  }

  async revokeSession(sessionId: string, now: Date): Promise<void> {
    await this.prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  }

  /**
   * The user behind (provider, subject): created on first login, found after. Display name and, for
   * trusted providers, role follow the provider's latest word.
   */
  async upsertUserByIdentity(profile: IdentityProfile): Promise<UserRecord> {
    const { provider, subject } = profile;
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.identity.findUnique({ where: { provider_subject: { provider, subject } } });
      if (existing) {
        await tx.identity.update({
          where: { id: existing.id },
          data: { email: profile.email ?? null, emailVerified: profile.emailVerified ?? false },
        });
        return tx.user.update({
          where: { id: existing.userId },
          data: { displayName: profile.displayName, ...(profile.role ? { role: profile.role } : {}) },
        });
      }
      return tx.user.create({
        data: {
          displayName: profile.displayName,
          provider,
          ...(profile.role ? { role: profile.role } : {}),
          identities: {
            create: { provider, subject, email: profile.email ?? null, emailVerified: profile.emailVerified ?? false },
          },
        },
      });
    });
  }

  async findUsers(userIds: string[]): Promise<UserRecord[]> {
    return this.prisma.user.findMany({ where: { id: { in: userIds } } });
  }

  /** `bannedAt` null lifts a ban; with `bannedUntil` null the ban is permanent. */
  async setBan(userId: string, bannedAt: Date | null, bannedUntil: Date | null): Promise<UserRecord> {
    return this.prisma.user.update({ where: { id: userId }, data: { bannedAt, bannedUntil } });
  }

  async setRole(userId: string, role: Role): Promise<UserRecord> {
    return this.prisma.user.update({ where: { id: userId }, data: { role } });
  }

  async findUser(userId: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { id: userId } });
  }

  /** True the first time a publisher SSO token id is seen; false on every replay. */
  async claimSsoTokenId(jti: string, expiresAt: Date): Promise<boolean> {
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO sso_token_uses (jti, expires_at) VALUES (${jti}, ${expiresAt})
      ON CONFLICT (jti) DO NOTHING`;
    return inserted === 1;
  }

  async forgetExpiredSsoTokenIds(now: Date): Promise<void> {
    await this.prisma.ssoTokenUse.deleteMany({ where: { expiresAt: { lt: now } } });
  }
}
