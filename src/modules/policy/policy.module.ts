import { Module } from '@nestjs/common';
import { ArticlesModule } from '@/modules/articles/articles.module.js';
import { PolicyController } from './policy.controller.js';
import { PolicyService } from './policy.service.js';

@Module({ imports: [ArticlesModule], controllers: [PolicyController], providers: [PolicyService], exports: [PolicyService] })
export class PolicyModule {}
