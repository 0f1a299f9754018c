import { Module } from '@nestjs/common';
import { AuthModule } from '@/modules/auth/auth.module.js';
import { CommentsModule } from '@/modules/comments/comments.module.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditLogService } from './audit-log.service.js';
import { BansService } from './bans.service.js';
import { ModerationController } from './moderation.controller.js';

@Module({
  imports: [AuthModule, CommentsModule],
  controllers: [ModerationController],
  providers: [AuditLogRepository, AuditLogService, BansService],
  exports: [AuditLogService],
})
export class ModerationModule {}
