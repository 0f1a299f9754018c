import { Module } from '@nestjs/common';
import { ArticlesController } from './articles.controller.js';
import { ArticlesRepository } from './articles.repository.js';
import { ArticlesService } from './articles.service.js';

@Module({ controllers: [ArticlesController], providers: [ArticlesRepository, ArticlesService], exports: [ArticlesService] })
export class ArticlesModule {}
