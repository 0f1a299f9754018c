import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@/common/errors/app-error.js';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { PublicProfile } from '@/contract/profiles.js';
import type { ProfileQuery } from './profiles.dto.js';
import { ProfilesRepository } from './profiles.repository.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

/** Public records of readers, Naver-style, where the site shows them (PUBLIC_PROFILES). */
@Injectable()
export class ProfilesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly profiles: ProfilesRepository,
  ) {}

  async find(scope: SiteScope, userId: string, query: ProfileQuery): Promise<PublicProfile> {
    const profile = this.config.notifications.site.publicProfiles ? await this.profiles.find(scope, userId, query.limit) : null;
    if (!profile) throw new NotFoundError('The profile');
    return profile;
  }
}
