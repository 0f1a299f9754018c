import { Module } from '@nestjs/common';
import { ArticleSettingsCache } from './article-settings-cache.js';
import { ArticlesRepository } from './articles.repository.js';
import { ArticlesService } from './articles.service.js';

@Module({ providers: [ArticlesRepository, ArticlesService, ArticleSettingsCache], exports: [ArticlesService] })
export class ArticlesModule {}
