import { Module } from '@nestjs/common';
import { ArticleSettingsCache } from './article-settings-cache.js';
import { ArticlesController } from './articles.controller.js';
import { ArticlesRepository } from './articles.repository.js';
import { ArticlesService } from './articles.service.js';

@Module({ controllers: [ArticlesController], providers: [ArticlesRepository, ArticlesService, ArticleSettingsCache], exports: [ArticlesService] })
export class ArticlesModule {}
