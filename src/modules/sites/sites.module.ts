import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, APP_LOGGER } from '@/config/config.module.js';
import { SiteSecretCipher } from './secrets/site-secret-cipher.js';
import { loadSiteSecretCipher } from './secrets/site-secrets-key.js';
import { SiteRegistry } from './site-registry.js';
import { SitesRepository } from './sites.repository.js';

/** The sites of the deployment, known to every module (each request is resolved to one). */
@Global()
@Module({
  providers: [{ provide: SiteSecretCipher, useFactory: loadSiteSecretCipher, inject: [APP_CONFIG, APP_LOGGER] }, SitesRepository, SiteRegistry],
  exports: [SiteRegistry, SitesRepository],
})
export class SitesModule {}
