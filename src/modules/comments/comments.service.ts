import { Injectable } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { NotFoundError } from '@/common/errors/app-error.js';
import type { CommentPage } from '@/contract/comments.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { decodeCursor, encodeCursor } from './comment-cursor.js';
import { isVisibleTo, toCommentView } from './comment-view.js';
import type { ListCommentsQuery } from './comments.dto.js';
import { type CommentPageQuery, type CommentRecord, CommentsRepository } from './comments.repository.js';
import { PublicPageCache, type SerializedPage, serializePage } from './public-pages/public-page-cache.js';

@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly articles: ArticlesService,
    private readonly publicPages: PublicPageCache,
  ) {}

  /**
   * A page of an article's comments, or of a comment's replies. What anonymous readers get is the
   * same for all of them, so it comes from the public page cache, already serialized; a logged-in
   * reader's page carries their own pending comments and likes, and is read for them.
   */
  async list(scope: SiteScope, viewer: Principal | undefined, articleId: string, query: ListCommentsQuery): Promise<SerializedPage> {
    await this.articles.requireSettings(scope, articleId);
    const parentId = query.parentId ?? null;
    if (parentId) {
      const parent = await this.comments.findById(scope, parentId);
      if (!parent || parent.articleId !== articleId || !isVisibleTo(parent, viewer)) throw new NotFoundError('The comment');
    }
    const sort = query.sort ?? (parentId ? 'oldest' : 'newest');
    const pageQuery: CommentPageQuery = {
      articleId,
      parentId,
      sort,
      limit: query.limit,
      after: query.cursor ? decodeCursor(query.cursor, sort) : undefined,
      featured: query.featured,
    };
    if (viewer) return serializePage(await this.readPage(scope, { ...pageQuery, viewerId: viewer.user.id }));
    const key = `${parentId ?? ''}|${sort}|${query.limit}|${query.cursor ?? ''}|${query.featured ? 'featured' : ''}`;
    // Filled from the primary: a lagging replica's page would otherwise stay cached after the
    // change it lacks was announced. The cache absorbs nearly all of these reads anyway.
    return this.publicPages.page(scope, articleId, key, async () => serializePage(await this.readPage(scope, pageQuery, { fromPrimary: true })));
  }

  private async readPage(scope: SiteScope, query: CommentPageQuery, options: { fromPrimary?: boolean } = {}): Promise<CommentPage> {
    const rows = await this.comments.page(scope, query, options);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      comments: page.map((comment) => toCommentView(comment, comment.likedByViewer)),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ sort: query.sort, createdAt: last.createdAt, id: last.id, likeCount: last.likeCount }) : null,
    };
  }

  /** A published comment, for likes and reports; anything else is NOT_FOUND. */
  async requirePublished(scope: SiteScope, commentId: string): Promise<CommentRecord> {
    const comment = await this.comments.findById(scope, commentId);
    if (!comment || comment.status !== 'published') throw new NotFoundError('The comment');
    return comment;
  }
}
