import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import { Prisma } from '@/generated/prisma/client.js';
import type { SiteRecord, SiteSettings } from './site.types.js';

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

  /** Creates the site, or null when the id is taken. */
  async create(id: string, settings: SiteSettings): Promise<SiteRecord | null> {
    try {
      return fromRow(await this.prisma.site.create({ data: { id, ...toData(settings) } }));
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  async upsert(id: string, settings: SiteSettings): Promise<SiteRecord> {
    const data = toData(settings);
    return fromRow(await this.prisma.site.upsert({ where: { id }, create: { id, ...data }, update: data }));
  }

  async update(id: string, settings: Partial<SiteSettings>): Promise<SiteRecord | null> {
    const { loginProviders, ...rest } = settings;
    const data = { ...rest, ...(loginProviders !== undefined ? { loginProviders: loginProviders ?? Prisma.DbNull } : {}) };
    const updated = await this.prisma.site.updateManyAndReturn({ where: { id }, data });
    return updated[0] ? fromRow(updated[0]) : null;
  }
}

function toData(settings: SiteSettings) {
  return { ...settings, loginProviders: settings.loginProviders ?? Prisma.DbNull };
}

function fromRow(row: {
  id: string;
  name: string;
  allowedOrigins: string[];
  ssoSecret: string | null;
  ssoJwksUrl: string | null;
  loginProviders: unknown;
  createdAt: Date;
  updatedAt: Date;
}): SiteRecord {
  const providers = Array.isArray(row.loginProviders) ? row.loginProviders.filter((id): id is string => typeof id === 'string') : null;
  return { ...row, loginProviders: providers };
}
