import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicProfile } from '@/contract/profiles.js';
import { type ProfileQuery, profileQuerySchema, userIdSchema } from './profiles.dto.js';
import { ProfilesService } from './profiles.service.js';
import { CurrentSite } from '@/modules/sites/current-site.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

@ApiTags('profiles')
@Controller('api/v1/users')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @ApiOperation({ summary: "A reader's public profile: name, join date, published comments, likes received, 30-day self-deletion share" })
  @Get(':userId/profile')
  profile(
    @CurrentSite() site: SiteScope,
    @Param('userId', { schema: userIdSchema }) userId: string,
    @Query({ schema: profileQuerySchema }) query: ProfileQuery,
  ): Promise<PublicProfile> {
    return this.profiles.find(site, userId, query);
  }
}
