import { Injectable } from '@nestjs/common';
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

  list(): Promise<ArticleGroupRecord[]> {
    return this.prisma.articleGroup.findMany({ orderBy: { name: 'asc' } });
  }

  find(id: string): Promise<ArticleGroupRecord | null> {
    return this.prisma.articleGroup.findUnique({ where: { id } });
  }

  /** Creates or replaces the group of that name. */
  save(name: string, articleIds: string[], createdById: string): Promise<ArticleGroupRecord> {
    return this.prisma.articleGroup.upsert({ where: { name }, create: { name, articleIds, createdById }, update: { articleIds } });
  }

  async remove(id: string): Promise<boolean> {
    return (await this.prisma.articleGroup.deleteMany({ where: { id } })).count === 1;
  }
}
