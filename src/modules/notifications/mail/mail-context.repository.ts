import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';

export interface CommentContext {
  body: string;
  status: string;
  authorName: string;
  article: { title: string; url: string };
}

/** What a mail tells, read when it is sent (a comment deleted since is not mailed about). */
@Injectable()
export class MailContextRepository {
  constructor(private readonly prisma: PrismaService) {}

  async comments(ids: string[]): Promise<Map<string, CommentContext>> {
    const rows = await this.prisma.comment.findMany({
      where: { id: { in: ids } },
      select: { id: true, body: true, status: true, author: { select: { displayName: true } }, article: { select: { title: true, url: true } } },
    });
    return new Map(rows.map((row) => [row.id, { body: row.body, status: row.status, authorName: row.author.displayName, article: row.article }]));
  }
}
