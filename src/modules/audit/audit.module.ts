import { Module } from '@nestjs/common';
import { AuthModule } from '@/modules/auth/auth.module.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditLogService } from './audit-log.service.js';

/** The moderation log: decisions, bans, rule changes and role changes, append-only. */
@Module({ imports: [AuthModule], providers: [AuditLogRepository, AuditLogService], exports: [AuditLogService] })
export class AuditModule {}
