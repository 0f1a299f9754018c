import { Module } from '@nestjs/common';
import { PolicyModule } from '@/modules/policy/policy.module.js';
import { OwnSiteController } from './own-site.controller.js';
import { SiteAdminController } from './site-admin.controller.js';
import { SiteAdminService } from './site-admin.service.js';

@Module({ imports: [PolicyModule], controllers: [SiteAdminController, OwnSiteController], providers: [SiteAdminService] })
export class SiteAdminModule {}
