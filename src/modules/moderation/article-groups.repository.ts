import { Injectable } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { PrismaService } from '@/database/prisma.service.js';

export interface ArticleGroupRecord {
  id: string;
  name: string;
  articleIds: string[];
  createdAt: Date;
}

@Injectable()
export class ArticleGroupsRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(scope: SiteScope): Promise<ArticleGroupRecord[]> {
    return this.prisma.articleGroup.findMany({ where: { siteId: scope.siteId }, orderBy: { name: 'asc' } });
  }

  find(scope: SiteScope, id: string): Promise<ArticleGroupRecord | null> {
    return this.prisma.articleGroup.findUnique({ where: { id, siteId: scope.siteId } });
  }

  /** Creates or replaces the site's group of that name. */
  save(scope: SiteScope, name: string, articleIds: string[], createdById: string): Promise<ArticleGroupRecord> {
    const { siteId } = scope;
    return this.prisma.articleGroup.upsert({
      where: { siteId_name: { siteId, name } },
      create: { siteId, name, articleIds, createdById },
      update: { articleIds },
    });
  }

  async remove(scope: SiteScope, id: string): Promise<boolean> {
    return (await this.prisma.articleGroup.deleteMany({ where: { id, siteId: scope.siteId } })).count === 1;
  }
}
