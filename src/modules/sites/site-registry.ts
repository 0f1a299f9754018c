import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_CONFIG, APP_LOGGER } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { DatabaseNotifications } from '@/database/database-notifications.js';
import { DEFAULT_SITE_ID, mintSiteScope, type SiteScope } from './site-scope.js';
import { ACCOUNTABILITY_KEYS, type AccountabilitySettings, type SiteRecord } from './site.types.js';
import { SitesRepository } from './sites.repository.js';

/** The channel a trigger on `sites` notifies with a site's id when it is created or changed. */
const SITE_CHANGES = 'site_changes';

/** The request header that names the site a call is for (the widget frame sends it). */
export const SITE_HEADER = 'x-comment-site';

interface KnownSite {
  record: SiteRecord;
  scope: SiteScope;
}

/**
 * Every site of the deployment, in memory on every instance, so naming a request's site costs no
 * statement. Reloaded when any instance changes a site (NOTIFY), and at once by the instance that did.
 * At start the default site is written from the environment (ALLOWED_ORIGINS, SSO_SECRET,
 * SSO_JWKS_URL), so the variables of a single-site install keep meaning what they meant.
 */
@Injectable()
export class SiteRegistry implements OnModuleInit {
  private sites = new Map<string, KnownSite>();
  /** Which site an origin embeds, for requests that do not name their site. */
  private siteOfOrigin = new Map<string, KnownSite>();
  /** The keys of siteOfOrigin as one array, made at each reload: the CORS check asks for them on every request. */
  private origins: string[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly repository: SitesRepository,
    private readonly notifications: DatabaseNotifications,
  ) {}

  private initialized: Promise<void> | undefined;

  onModuleInit(): Promise<void> {
    return this.ready();
  }

  /** Resolves once the sites are loaded: modules that keep something per site wait for it. */
  ready(): Promise<void> {
    return (this.initialized ??= this.initialize());
  }

  private async initialize(): Promise<void> {
    // Streams end with DatabaseNotifications at shutdown: nothing to unsubscribe.
    this.notifications.listen(SITE_CHANGES).subscribe(() => {
      this.reload().catch((error: unknown) => this.logger.error({ err: error }, 'could not reload the sites'));
    });
    await this.notifications.ready();
    await this.resealSecrets();
    const existing = await this.repository.find(DEFAULT_SITE_ID);
    await this.repository.upsert(DEFAULT_SITE_ID, {
      name: existing?.name ?? 'Default site',
      allowedOrigins: this.config.allowedOrigins,
      ssoSecret: this.config.sso.secret ?? null,
      ssoJwksUrl: this.config.sso.jwks?.url ?? null,
      loginProviders: existing?.loginProviders ?? null,
    });
    await this.reload();
    const withSecret = this.all().filter((site) => site.ssoSecret !== null);
    if (withSecret.length && !this.repository.encryptsSecrets) {
      this.logger.warn({ sites: withSecret.map((site) => site.id) }, 'the sites’ SSO secrets are stored in plain text: set SITE_SECRETS_KEY to encrypt them');
    }
  }

  /** Before anything is written: a key that cannot read a stored secret stops the start, naming the site and the variables. */
  private async resealSecrets(): Promise<void> {
    const resealed = await this.repository.resealSecrets();
    if (resealed.length) this.logger.info({ sites: resealed }, `encrypted the SSO secrets of ${resealed.length} site(s) under the current key`);
  }

  async reload(): Promise<void> {
    const records = await this.repository.all();
    const sites = new Map(records.map((record) => [record.id, { record, scope: this.sites.get(record.id)?.scope ?? mintSiteScope(record.id) }]));
    const siteOfOrigin = new Map<string, KnownSite>();
    // The default site's origins stay its own even when another site lists them too.
    for (const site of [...sites.values()].sort((a, b) => Number(a.record.id === DEFAULT_SITE_ID) - Number(b.record.id === DEFAULT_SITE_ID))) {
      for (const origin of site.record.allowedOrigins) siteOfOrigin.set(origin, site);
    }
    this.sites = sites;
    this.siteOfOrigin = siteOfOrigin;
    this.origins = [...siteOfOrigin.keys()];
  }

  get defaultScope(): SiteScope {
    return this.sites.get(DEFAULT_SITE_ID)!.scope;
  }

  /** The scope of a known site, or null. */
  scopeOf(siteId: string): SiteScope | null {
    return this.sites.get(siteId)?.scope ?? null;
  }

  site(scope: SiteScope): SiteRecord {
    const site = this.sites.get(scope.siteId);
    if (!site) throw new Error(`no site ${scope.siteId}`);
    return site.record;
  }

  /**
   * The site's accountability settings in force: each of its own choices, else the deployment's
   * default (PUBLIC_PROFILES, LIKE_DAILY_CAP, LIKE_MIN_GAP_SECONDS, ACCOUNT_DELETION).
   */
  accountability(scope: SiteScope): AccountabilitySettings {
    const chosen = this.site(scope).accountability;
    const defaults = this.config.notifications.siteDefaults;
    return {
      publicProfiles: chosen.publicProfiles ?? defaults.publicProfiles,
      likeDailyCap: chosen.likeDailyCap ?? defaults.likeDailyCap,
      likeMinGapSeconds: chosen.likeMinGapSeconds ?? defaults.likeMinGapSeconds,
      accountDeletion: chosen.accountDeletion ?? defaults.accountDeletion,
    };
  }

  /** Which of the site's accountability settings follow the deployment's default. */
  inheritedAccountability(scope: SiteScope): (keyof AccountabilitySettings)[] {
    const chosen = this.site(scope).accountability;
    return ACCOUNTABILITY_KEYS.filter((key) => chosen[key] === null);
  }

  all(): SiteRecord[] {
    return [...this.sites.values()].map((site) => site.record);
  }

  /**
   * The site a request is for: the one its `X-Comment-Site` header names (null when it names an
   * unknown one), else the one whose allowed origins hold its `Origin`, else the default site.
   */
  resolve(headers: Record<string, string | string[] | undefined>): SiteScope | null {
    const named = headers[SITE_HEADER];
    if (typeof named === 'string' && named !== '') return this.scopeOf(named);
    const origin = headers.origin;
    if (typeof origin === 'string') {
      const site = this.siteOfOrigin.get(origin);
      if (site) return site.scope;
    }
    return this.defaultScope;
  }

  /** Every origin some site allows: the CORS check, before the request's own site is known. */
  allOrigins(): string[] {
    return this.origins;
  }
}
