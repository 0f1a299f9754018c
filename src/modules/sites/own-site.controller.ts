import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SiteView } from '@/contract/sites.js';
import { Authenticated } from '@/modules/auth/auth.decorators.js';
import { CurrentSite } from './current-site.js';
import { SiteAdminService } from './site-admin.service.js';
import type { SiteScope } from './site-scope.js';

@ApiTags('sites')
@Authenticated({ minRole: 'admin' })
@Controller('api/v1/site')
export class OwnSiteController {
  constructor(private readonly sites: SiteAdminService) {}

  @ApiOperation({ summary: "The request's site as its admins see it: origins, logins and accountability settings (admin; operators change them)" })
  @Get()
  get(@CurrentSite() site: SiteScope): SiteView {
    return this.sites.own(site);
  }
}
