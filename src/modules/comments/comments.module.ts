import { Module } from '@nestjs/common';
import { ArticleLifecycleModule } from '@/modules/article-lifecycle/article-lifecycle.module.js';
import { ArticlesModule } from '@/modules/articles/articles.module.js';
import { PolicyModule } from '@/modules/policy/policy.module.js';
import { RateLimitModule } from '@/modules/rate-limit/rate-limit.module.js';
import { CommentReactionsService } from './comment-reactions.service.js';
import { CommentsController } from './comments.controller.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { CommentLifecycleRepository } from './lifecycle/comment-lifecycle.repository.js';
import { CommentLifecycle } from './lifecycle/comment-lifecycle.service.js';
import { CommentChangeFeed } from './public-pages/comment-change-feed.js';
import { PublicPageCache } from './public-pages/public-page-cache.js';

@Module({
  imports: [ArticlesModule, ArticleLifecycleModule, PolicyModule, RateLimitModule],
  controllers: [CommentsController],
  providers: [
    CommentsRepository,
    CommentsService,
    CommentReactionsService,
    IdempotencyRepository,
    IdempotencyService,
    CommentLifecycleRepository,
    CommentLifecycle,
    PublicPageCache,
    CommentChangeFeed,
  ],
  exports: [CommentsRepository, CommentLifecycle, CommentLifecycleRepository],
})
export class CommentsModule {}
