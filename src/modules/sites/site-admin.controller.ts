import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SiteList, SiteView } from '@/contract/sites.js';
import { Authenticated } from '@/modules/auth/auth.decorators.js';
import { type CreateSiteDto, createSiteSchema, siteIdSchema, type UpdateSiteDto, updateSiteSchema } from './sites.dto.js';
import { SiteAdminService } from './site-admin.service.js';

@ApiTags('sites')
@Authenticated({ minRole: 'operator' })
@Controller('api/v1/sites')
export class SiteAdminController {
  constructor(private readonly sites: SiteAdminService) {}

  @ApiOperation({ summary: 'Every site this deployment serves (operator)' })
  @Get()
  list(): SiteList {
    return this.sites.list();
  }

  @ApiOperation({ summary: 'Create a site, with the shipped default policy (operator)' })
  @Post()
  create(@Body({ schema: createSiteSchema }) dto: CreateSiteDto): Promise<SiteView> {
    return this.sites.create(dto);
  }

  @ApiOperation({ summary: 'A site (operator)' })
  @Get(':siteId')
  get(@Param('siteId', { schema: siteIdSchema }) siteId: string): SiteView {
    return this.sites.get(siteId);
  }

  @ApiOperation({ summary: "Change a site's name, origins, SSO keys, login providers or accountability settings (operator)" })
  @Patch(':siteId')
  update(@Param('siteId', { schema: siteIdSchema }) siteId: string, @Body({ schema: updateSiteSchema }) dto: UpdateSiteDto): Promise<SiteView> {
    return this.sites.update(siteId, dto);
  }
}
