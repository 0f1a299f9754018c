import { Module } from '@nestjs/common';
import { AuditModule } from '@/modules/audit/audit.module.js';
import { AuthModule } from '@/modules/auth/auth.module.js';
import { CommentsModule } from '@/modules/comments/comments.module.js';
import { ArticleGroupsRepository } from './article-groups.repository.js';
import { ArticleGroupsService } from './article-groups.service.js';
import { BansService } from './bans.service.js';
import { ClaimsRepository } from './claims.repository.js';
import { ClaimsService } from './claims.service.js';
import { DecisionsService } from './decisions.service.js';
import { ModerationEventsService } from './moderation-events.service.js';
import { ModerationController } from './moderation.controller.js';

@Module({
  imports: [AuthModule, AuditModule, CommentsModule],
  controllers: [ModerationController],
  providers: [ArticleGroupsRepository, ArticleGroupsService, BansService, ClaimsRepository, ClaimsService, DecisionsService, ModerationEventsService],
})
export class ModerationModule {}
