import { Module } from '@nestjs/common';
import { AuditModule } from '@/modules/audit/audit.module.js';
import { AuthModule } from '@/modules/auth/auth.module.js';
import { CommentsModule } from '@/modules/comments/comments.module.js';
import { ArticleGroupsRepository } from './article-groups.repository.js';
import { ArticleGroupsService } from './article-groups.service.js';
import { ClaimsRepository } from './claims.repository.js';
import { ClaimsService } from './claims.service.js';
import { ModerationEventsService } from './moderation-events.service.js';
import { ModerationController } from './moderation.controller.js';
import { PeopleRepository } from './people.repository.js';
import { PeopleService } from './people.service.js';
import { QueueSizeMetrics } from './queue-size.metrics.js';
import { QueuesRepository } from './queues.repository.js';
import { QueuesService } from './queues.service.js';
import { StandingRepository } from './standing.repository.js';
import { StandingService } from './standing.service.js';

@Module({
  imports: [AuthModule, AuditModule, CommentsModule],
  controllers: [ModerationController],
  providers: [
    ArticleGroupsRepository,
    ArticleGroupsService,
    ClaimsRepository,
    ClaimsService,
    ModerationEventsService,
    PeopleRepository,
    PeopleService,
    QueuesRepository,
    QueuesService,
    QueueSizeMetrics,
    StandingRepository,
    StandingService,
  ],
})
export class ModerationModule {}
