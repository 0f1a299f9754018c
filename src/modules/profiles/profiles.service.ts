import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@/common/errors/app-error.js';
import type { PublicProfile } from '@/contract/profiles.js';
import type { ProfileQuery } from './profiles.dto.js';
import { ProfilesRepository } from './profiles.repository.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

/** Public records of readers, Naver-style, on sites that show them (their `publicProfiles` setting). */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly sites: SiteRegistry,
    private readonly profiles: ProfilesRepository,
  ) {}

  async find(scope: SiteScope, userId: string, query: ProfileQuery): Promise<PublicProfile> {
    const profile = this.sites.accountability(scope).publicProfiles ? await this.profiles.find(scope, userId, query.limit) : null;
    if (!profile) throw new NotFoundError('The profile');
    return profile;
  }
}
