import { Global, Module } from '@nestjs/common';
import { SiteRegistry } from './site-registry.js';
import { SitesRepository } from './sites.repository.js';

/** The sites of the deployment, known to every module (each request is resolved to one). */
@Global()
@Module({ providers: [SitesRepository, SiteRegistry], exports: [SiteRegistry, SitesRepository] })
export class SitesModule {}
