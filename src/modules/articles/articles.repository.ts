import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import type { PutArticleDto } from './articles.dto.js';

export interface ArticleRecord {
  id: string;
  title: string;
  url: string;
  section: string | null;
  commentsOpen: boolean;
  premoderation: boolean;
  commentCount: number;
  createdAt: Date;
  updatedAt: Date;
}

@Injectable()
export class ArticlesRepository {
  constructor(private readonly prisma: PrismaService) {}

  upsert(scope: SiteScope, id: string, data: PutArticleDto): Promise<ArticleRecord> {
    const { siteId } = scope;
    return this.prisma.article.upsert({ where: { siteId_id: { siteId, id } }, create: { siteId, id, ...data }, update: data, omit: { siteId: true } });
  }

  /** Creates the article unless it exists; an existing one is left exactly as it is. */
  createIfMissing(scope: SiteScope, id: string, data: PutArticleDto): Promise<ArticleRecord> {
    const { siteId } = scope;
    return this.prisma.article.upsert({ where: { siteId_id: { siteId, id } }, create: { siteId, id, ...data }, update: {}, omit: { siteId: true } });
  }

  findById(scope: SiteScope, id: string): Promise<ArticleRecord | null> {
    return this.prisma.article.findUnique({ where: { siteId_id: { siteId: scope.siteId, id } }, omit: { siteId: true } });
  }
}
