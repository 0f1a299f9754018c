import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
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

  upsert(id: string, data: PutArticleDto): Promise<ArticleRecord> {
    return this.prisma.article.upsert({ where: { id }, create: { id, ...data }, update: data });
  }

  /** Creates the article unless it exists; an existing one is left exactly as it is. */
  createIfMissing(id: string, data: PutArticleDto): Promise<ArticleRecord> {
    return this.prisma.article.upsert({ where: { id }, create: { id, ...data }, update: {} });
  }

  findById(id: string): Promise<ArticleRecord | null> {
    return this.prisma.article.findUnique({ where: { id } });
  }
}
