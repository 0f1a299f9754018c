import { Module } from '@nestjs/common';
import { ArticlesModule } from '@/modules/articles/articles.module.js';
import { PolicyModule } from '@/modules/policy/policy.module.js';
import { ArticleLifecycleController } from './article-lifecycle.controller.js';
import { ArticleLifecycleRepository } from './article-lifecycle.repository.js';
import { ArticleLifecycleService } from './article-lifecycle.service.js';

@Module({
  imports: [ArticlesModule, PolicyModule],
  controllers: [ArticleLifecycleController],
  providers: [ArticleLifecycleRepository, ArticleLifecycleService],
  exports: [ArticleLifecycleService],
})
export class ArticleLifecycleModule {}
