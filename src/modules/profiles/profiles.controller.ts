import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicProfile } from '@/contract/profiles.js';
import { type ProfileQuery, profileQuerySchema, userIdSchema } from './profiles.dto.js';
import { ProfilesService } from './profiles.service.js';

@ApiTags('profiles')
@Controller('api/v1/users')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @ApiOperation({ summary: "A reader's public profile: name, join date, published comments, likes received, 30-day self-deletion share" })
  @Get(':userId/profile')
  profile(@Param('userId', { schema: userIdSchema }) userId: string, @Query({ schema: profileQuerySchema }) query: ProfileQuery): Promise<PublicProfile> {
    return this.profiles.find(userId, query);
  }
}
