import { type DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from '@/common/clock/clock.js';
import { SitesModule } from '@/modules/sites/sites.module.js';
import { SiteAdminModule } from '@/modules/sites/site-admin.module.js';
import { ConfigModule } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { HousekeepingModule } from '@/common/housekeeping/housekeeping.module.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { DatabaseModule } from '@/database/database.module.js';
import { AccountModule } from '@/modules/account/account.module.js';
import { ArticlesModule } from '@/modules/articles/articles.module.js';
import { AuthModule } from '@/modules/auth/auth.module.js';
import { CommentsModule } from '@/modules/comments/comments.module.js';
import { EmbedModule } from '@/modules/embed/embed.module.js';
import { HealthModule } from '@/modules/health/health.module.js';
import { MetricsModule } from '@/modules/metrics/metrics.module.js';
import { ModerationModule } from '@/modules/moderation/moderation.module.js';
import { NotificationsModule } from '@/modules/notifications/notifications.module.js';
import { ProfilesModule } from '@/modules/profiles/profiles.module.js';
import { PolicyModule } from '@/modules/policy/policy.module.js';
import { RoleGrantsModule } from '@/modules/role-grants/role-grants.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: AppLogger, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, logger),
        DatabaseModule.forRoot(
          databaseUrl,
          config.databaseReplicaUrl ? { url: config.databaseReplicaUrl, maxLagMs: config.replicaMaxLagMs, pool: config.databasePool } : undefined,
        ),
        HousekeepingModule,
        MetricsModule,
        SitesModule,
        ClockModule,
        HealthModule,
        AuthModule,
        ArticlesModule,
        CommentsModule,
        PolicyModule,
        ModerationModule,
        EmbedModule,
        NotificationsModule,
        AccountModule,
        ProfilesModule,
        SiteAdminModule,
        RoleGrantsModule,
      ],
    };
  }
}
