import { Inject, Injectable } from '@nestjs/common';
import { AppError, NotFoundError, ValidationFailedError } from '@/common/errors/app-error.js';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { SiteList, SiteView } from '@/contract/sites.js';
import { PolicyStore } from '@/modules/policy/policy-store.service.js';
import { SiteRegistry } from './site-registry.js';
import type { SiteScope } from './site-scope.js';
import type { CreateSiteDto, UpdateSiteDto } from './sites.dto.js';
import { SitesRepository } from './sites.repository.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Operators create and edit sites; a new site starts with the shipped default policy. */
@Injectable()
export class SiteAdminService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: SitesRepository,
    private readonly registry: SiteRegistry,
    private readonly policies: PolicyStore,
  ) {}

  list(): SiteList {
    return { sites: this.registry.all().map((site) => this.viewOf(site.id)) };
  }

  get(siteId: string): SiteView {
    if (!this.registry.scopeOf(siteId)) throw new NotFoundError('The site');
    return this.viewOf(siteId);
  }

  /** A site's admins read their own site (its accountability settings among the rest); operators change it. */
  own(scope: SiteScope): SiteView {
    return this.viewOf(scope.siteId);
  }

  async create(dto: CreateSiteDto): Promise<SiteView> {
    this.checkJwksUrl(dto.ssoJwksUrl);
    const { id, ...settings } = dto;
    const site = await this.repository.create(id, settings);
    if (!site) throw new AppError('SITE_EXISTS', `A site "${id}" exists already.`);
    await this.registry.reload();
    await this.policies.ensureSite(this.registry.scopeOf(id)!);
    return this.viewOf(id);
  }

  async update(siteId: string, dto: UpdateSiteDto): Promise<SiteView> {
    if (dto.ssoJwksUrl !== undefined) this.checkJwksUrl(dto.ssoJwksUrl);
    const site = await this.repository.update(siteId, dto);
    if (!site) throw new NotFoundError('The site');
    await this.registry.reload();
    return this.viewOf(siteId);
  }

  /** As the registry holds it, so the settings shown are the ones in force. */
  private viewOf(siteId: string): SiteView {
    const scope = this.registry.scopeOf(siteId)!;
    const site = this.registry.site(scope);
    return {
      id: site.id,
      name: site.name,
      allowedOrigins: site.allowedOrigins,
      ssoSecretSet: site.ssoSecret !== null,
      ssoJwksUrl: site.ssoJwksUrl,
      loginProviders: site.loginProviders,
      accountability: this.registry.accountability(scope),
      accountabilityInherited: this.registry.inheritedAccountability(scope),
      createdAt: site.createdAt.toISOString(),
      updatedAt: site.updatedAt.toISOString(),
    };
  }

  /** Keys fetched in the clear could be swapped on the way: plain HTTP only for a key server on this machine. */
  private checkJwksUrl(value: string | null): void {
    if (value === null) return;
    const url = new URL(value);
    const plainHttpAllowed = this.config.env !== 'production' && LOOPBACK_HOSTS.has(url.hostname);
    if (url.protocol !== 'https:' && !plainHttpAllowed) throw new ValidationFailedError('ssoJwksUrl must be an https:// URL');
    if (url.username || url.password) throw new ValidationFailedError('ssoJwksUrl must not carry credentials');
  }
}
