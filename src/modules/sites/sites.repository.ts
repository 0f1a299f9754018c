import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import { Prisma, type PrismaClient } from '@/generated/prisma/client.js';
import { automationActorId } from './automation-actor.repository.js';
import { SiteSecretCipher } from './secrets/site-secret-cipher.js';
import { mintSiteScope, type SiteScope } from './site-scope.js';
import type { AccountabilityChoices, SiteRecord, SiteSettings } from './site.types.js';

interface SiteRow {
  id: string;
  name: string;
  allowedOrigins: string[];
  ssoSecret: string | null;
  ssoJwksUrl: string | null;
  loginProviders: unknown;
  publicProfiles: boolean | null;
  likeDailyCap: number | null;
  likeMinGapSeconds: number | null;
  accountDeletion: AccountabilityChoices['accountDeletion'];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The sites table is the deployment's own: operators manage it, so nothing here is scoped by site.
 * SSO secrets are encrypted on the way in and decrypted on the way out: the rest of the service sees
 * them in plain text, the table never does (while a key is configured).
 */
@Injectable()
export class SitesRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cipher: SiteSecretCipher,
  ) {}

  async all(): Promise<SiteRecord[]> {
    const rows = await this.prisma.site.findMany({ orderBy: { id: 'asc' } });
    return rows.map((row) => this.fromRow(row));
  }

  async find(id: string): Promise<SiteRecord | null> {
    const row = await this.prisma.site.findUnique({ where: { id } });
    return row ? this.fromRow(row) : null;
  }

  /** Creates the site with its automation actor and deleted-account stand-in, or null when the id is taken. */
  async create(id: string, settings: SiteSettings): Promise<SiteRecord | null> {
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        const created = await tx.site.create({ data: { id, ...this.toData(id, settings) } });
        await automationActorId(tx, mintSiteScope(id));
        await ensureDeletedAccount(tx, id);
        return created;
      });
      return this.fromRow(row);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  /** Creates or updates the site (the default one, from the environment, at every start), with its service accounts. */
  async upsert(id: string, settings: SiteSettings): Promise<SiteRecord> {
    const data = this.toData(id, settings);
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.site.upsert({ where: { id }, create: { id, ...data }, update: data });
      await automationActorId(tx, mintSiteScope(id));
      await ensureDeletedAccount(tx, id);
      return this.fromRow(row);
    });
  }

  async update(id: string, settings: Partial<SiteSettings>): Promise<SiteRecord | null> {
    const { loginProviders, ssoSecret, accountability, ...rest } = settings;
    const data = {
      ...rest,
      ...(ssoSecret !== undefined ? { ssoSecret: ssoSecret === null ? null : this.cipher.seal(id, ssoSecret) } : {}),
      ...(loginProviders !== undefined ? { loginProviders: loginProviders ?? Prisma.DbNull } : {}),
      ...(accountability ?? {}),
    };
    const updated = await this.prisma.site.updateManyAndReturn({ where: { id }, data });
    return updated[0] ? this.fromRow(updated[0]) : null;
  }

  /**
   * Reads every stored SSO secret (so a key that cannot read one stops the start here, naming the
   * site) and writes again each one stored in plain text or under an old key, under the current key.
   * Idempotent, and safe beside another instance doing the same: a row is rewritten only while it
   * still holds the value read. Answers the sites whose secret it wrote again.
   */
  async resealSecrets(): Promise<string[]> {
    const rows = await this.prisma.site.findMany({ where: { ssoSecret: { not: null } }, select: { id: true, ssoSecret: true }, orderBy: { id: 'asc' } });
    const resealed: string[] = [];
    for (const { id, ssoSecret: stored } of rows as { id: string; ssoSecret: string }[]) {
      const secret = this.cipher.open(id, stored);
      if (!this.cipher.needsResealing(stored)) continue;
      // Not through Prisma's update: a new ciphertext of the same secret is no change to the site (updated_at).
      const changed = await this.prisma.$executeRaw`UPDATE sites SET sso_secret = ${this.cipher.seal(id, secret)} WHERE id = ${id} AND sso_secret = ${stored}`;
      if (changed > 0) resealed.push(id);
    }
    return resealed;
  }

  /** False without a key: secrets are then stored as they are given. */
  get encryptsSecrets(): boolean {
    return this.cipher.encrypts;
  }

  private toData(id: string, settings: SiteSettings) {
    const { accountability, ...rest } = settings;
    return {
      ...rest,
      ...(accountability ?? {}),
      ssoSecret: settings.ssoSecret === null ? null : this.cipher.seal(id, settings.ssoSecret),
      loginProviders: settings.loginProviders ?? Prisma.DbNull,
    };
  }

  private fromRow(row: SiteRow): SiteRecord {
    const providers = Array.isArray(row.loginProviders) ? row.loginProviders.filter((id): id is string => typeof id === 'string') : null;
    const { publicProfiles, likeDailyCap, likeMinGapSeconds, accountDeletion, loginProviders: _, ssoSecret, ...rest } = row;
    return {
      ...rest,
      ssoSecret: ssoSecret === null ? null : this.cipher.open(row.id, ssoSecret),
      loginProviders: providers,
      accountability: { publicProfiles, likeDailyCap, likeMinGapSeconds, accountDeletion },
    };
  }
}

/**
 * The "Deleted account" user of the site: the author of a deleted account's comments that are kept,
 * and whoever stands for that account elsewhere. It has no identity, so no one logs in as it, and it
 * is banned, so nothing writes as it. One per site, so a thread never points to another site's user.
 */
async function ensureDeletedAccount(tx: Prisma.TransactionClient, siteId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO users (id, site_id, display_name, provider, role, banned_at, created_at)
    VALUES (uuidv7(), ${siteId}, 'Deleted account', 'deleted', 'reader', now(), now())
    ON CONFLICT (site_id) WHERE provider = 'deleted' DO NOTHING`;
}

/** The scope of every site in the database, for the command-line tools, which run without the registry. */
export async function siteScopesIn(prisma: Pick<PrismaClient, 'site'>): Promise<SiteScope[]> {
  const rows = await prisma.site.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((row) => mintSiteScope(row.id));
}
