import { Module } from '@nestjs/common';
import { PolicyModule } from '@/modules/policy/policy.module.js';
import { SiteAdminController } from './site-admin.controller.js';
import { SiteAdminService } from './site-admin.service.js';

@Module({ imports: [PolicyModule], controllers: [SiteAdminController], providers: [SiteAdminService] })
export class SiteAdminModule {}
