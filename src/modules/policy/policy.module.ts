import { Module } from '@nestjs/common';
import { ArticlesModule } from '@/modules/articles/articles.module.js';
import { AuthorFactsRepository } from './facts/author-facts.repository.js';
import { PolicyController } from './policy.controller.js';
import { PolicyRepository } from './policy.repository.js';
import { PolicyStore } from './policy-store.service.js';
import { PolicyService } from './policy.service.js';
import { toxicityClassifierProvider } from './toxicity/toxicity-classifier.provider.js';

@Module({
  imports: [ArticlesModule],
  controllers: [PolicyController],
  providers: [AuthorFactsRepository, PolicyRepository, PolicyStore, PolicyService, toxicityClassifierProvider],
  exports: [PolicyService, PolicyStore],
})
export class PolicyModule {}
