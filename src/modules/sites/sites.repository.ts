import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import { Prisma } from '@/generated/prisma/client.js';
import type { AccountabilityChoices, SiteRecord, SiteSettings } from './site.types.js';

/** The sites table is the deployment's own: operators manage it, so nothing here is scoped by site. */
@Injectable()
export class SitesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async all(): Promise<SiteRecord[]> {
    const rows = await this.prisma.site.findMany({ orderBy: { id: 'asc' } });
    return rows.map(fromRow);
  }

  async find(id: string): Promise<SiteRecord | null> {
    const row = await this.prisma.site.findUnique({ where: { id } });
    return row ? fromRow(row) : null;
  }

  /** Creates the site with its deleted-account stand-in, or null when the id is taken. */
  async create(id: string, settings: SiteSettings): Promise<SiteRecord | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const row = await tx.site.create({ data: { id, ...toData(settings) } });
        await ensureDeletedAccount(tx, id);
        return fromRow(row);
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  async upsert(id: string, settings: SiteSettings): Promise<SiteRecord> {
    const data = toData(settings);
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.site.upsert({ where: { id }, create: { id, ...data }, update: data });
      await ensureDeletedAccount(tx, id);
      return fromRow(row);
    });
  }

  async update(id: string, settings: Partial<SiteSettings>): Promise<SiteRecord | null> {
    const { loginProviders, accountability, ...rest } = settings;
    const data = {
      ...rest,
      ...(loginProviders !== undefined ? { loginProviders: loginProviders ?? Prisma.DbNull } : {}),
      ...(accountability ?? {}),
    };
    const updated = await this.prisma.site.updateManyAndReturn({ where: { id }, data });
    return updated[0] ? fromRow(updated[0]) : null;
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

function toData(settings: SiteSettings) {
  const { accountability, ...rest } = settings;
  return { ...rest, ...(accountability ?? {}), loginProviders: settings.loginProviders ?? Prisma.DbNull };
}

function fromRow(row: {
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
}): SiteRecord {
  const providers = Array.isArray(row.loginProviders) ? row.loginProviders.filter((id): id is string => typeof id === 'string') : null;
  const { publicProfiles, likeDailyCap, likeMinGapSeconds, accountDeletion, loginProviders: _, ...rest } = row;
  return { ...rest, loginProviders: providers, accountability: { publicProfiles, likeDailyCap, likeMinGapSeconds, accountDeletion } };
}
