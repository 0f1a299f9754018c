import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { type PolicyOverrides, readOverrides } from '@/modules/policy/layers/policy-overrides.js';
import type { PutArticleDto } from './articles.dto.js';

export interface ArticleRecord {
  id: string;
  title: string;
  url: string;
  section: string | null;
  commentsOpen: boolean;
  premoderation: boolean;
  /** The article's own changes to its section's and site's policy. */
  policyOverrides: PolicyOverrides;
  memorial: boolean;
  /** What the automatic moderation did ('closed' or 'premoderated'), until a moderator reverses it. */
  autoAction: string | null;
  autoActionAt: Date | null;
  autoReversedAt: Date | null;
  commentCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const OMIT = { siteId: true } as const;

function fromRow<T extends { policyOverrides: unknown }>(row: T): Omit<T, 'policyOverrides'> & { policyOverrides: PolicyOverrides } {
  return { ...row, policyOverrides: readOverrides(row.policyOverrides) };
}

@Injectable()
export class ArticlesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async upsert(scope: SiteScope, id: string, data: PutArticleDto): Promise<ArticleRecord> {
    const { siteId } = scope;
    return fromRow(await this.prisma.article.upsert({ where: { siteId_id: { siteId, id } }, create: { siteId, id, ...data }, update: data, omit: OMIT }));
  }

  /** Creates the article unless it exists; an existing one is left exactly as it is. */
  async createIfMissing(scope: SiteScope, id: string, data: PutArticleDto): Promise<ArticleRecord> {
    const { siteId } = scope;
    return fromRow(await this.prisma.article.upsert({ where: { siteId_id: { siteId, id } }, create: { siteId, id, ...data }, update: {}, omit: OMIT }));
  }

  async findById(scope: SiteScope, id: string): Promise<ArticleRecord | null> {
    const row = await this.prisma.article.findUnique({ where: { siteId_id: { siteId: scope.siteId, id } }, omit: OMIT });
    return row ? fromRow(row) : null;
  }

  /** Replaces the article's own policy changes; null when there is no such article. */
  async setPolicyOverrides(scope: SiteScope, id: string, overrides: PolicyOverrides): Promise<ArticleRecord | null> {
    const [row] = await this.prisma.article.updateManyAndReturn({
      where: { siteId: scope.siteId, id },
      data: { policyOverrides: overrides },
      omit: OMIT,
    });
    return row ? fromRow(row) : null;
  }
}
