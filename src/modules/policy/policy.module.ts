import { Module } from '@nestjs/common';
import { ArticlePolicyController } from './layers/article-policy.controller.js';
import { PolicyLayersService } from './layers/policy-layers.service.js';
import { ArticlePolicyResolver } from './layers/article-policy-resolver.js';
import { ArticlesModule } from '@/modules/articles/articles.module.js';
import { AuthorFactsRepository } from './facts/author-facts.repository.js';
import { PolicyController } from './policy.controller.js';
import { PolicyHistoryService } from './policy-history.service.js';
import { PolicyRepository } from './policy.repository.js';
import { PolicyStore } from './policy-store.service.js';
import { PolicyService } from './policy.service.js';
import { toxicityClassifierProvider } from './toxicity/toxicity-classifier.provider.js';

@Module({
  imports: [ArticlesModule],
  controllers: [PolicyController, ArticlePolicyController],
  providers: [
    AuthorFactsRepository,
    PolicyRepository,
    PolicyStore,
    ArticlePolicyResolver,
    PolicyLayersService,
    PolicyService,
    PolicyHistoryService,
    toxicityClassifierProvider,
  ],
  exports: [PolicyService, PolicyStore, ArticlePolicyResolver],
})
export class PolicyModule {}
