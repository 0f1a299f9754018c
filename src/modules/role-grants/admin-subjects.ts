import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_CONFIG, APP_LOGGER } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { PrismaService } from '@/database/prisma.service.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import { grantRole } from './role-grants.js';

/**
 * ADMIN_SUBJECTS at every start: each login named there is an admin of the default site, at once when
 * it has logged in, else from its first login. An identity that already is an admin changes nothing,
 * so each promotion is logged once however often the service restarts.
 */
@Injectable()
export class AdminSubjects implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly prisma: PrismaService,
    private readonly sites: SiteRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.adminSubjects.length === 0) return;
    await this.sites.ready();
    for (const identity of this.config.adminSubjects) {
      const outcome = await grantRole(this.prisma, this.sites.defaultScope, identity, 'admin', 'ADMIN_SUBJECTS');
      const who = `${identity.provider}:${identity.subject}`;
      if (outcome.kind === 'changed') this.logger.info({ identity: who, userId: outcome.userId }, 'ADMIN_SUBJECTS: made an admin');
      else if (outcome.kind === 'pending') this.logger.info({ identity: who }, 'ADMIN_SUBJECTS: an admin from their first login');
      else if (outcome.kind === 'operator') this.logger.info({ identity: who }, 'ADMIN_SUBJECTS: an operator, left as they are');
    }
  }
}
