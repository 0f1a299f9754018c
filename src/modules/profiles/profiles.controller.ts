import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@/common/errors/app-error.js';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { PublicProfile } from '@/contract/profiles.js';
import { type ProfileQuery, profileQuerySchema, userIdSchema } from './profiles.dto.js';
import { ProfilesRepository } from './profiles.repository.js';

/** Public records of readers, Naver-style, where the site shows them (PUBLIC_PROFILES). */
@ApiTags('profiles')
@Controller('api/v1/users')
export class ProfilesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly profiles: ProfilesRepository,
  ) {}

  @ApiOperation({ summary: "A reader's public profile: name, join date, published comments, likes received, 30-day self-deletion share" })
  @Get(':userId/profile')
  async profile(@Param('userId', { schema: userIdSchema }) userId: string, @Query({ schema: profileQuerySchema }) query: ProfileQuery): Promise<PublicProfile> {
    const profile = this.config.notifications.site.publicProfiles ? await this.profiles.find(userId, query.limit) : null;
    if (!profile) throw new NotFoundError('The profile');
    return profile;
  }
}
