import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import { CurrentSite } from '@/modules/sites/current-site.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_CONFIG, APP_LOGGER } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { articleIdSchema } from '@/modules/articles/articles.dto.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import { renderDemoPage } from './demo-page.js';
import { frameContentSecurityPolicy, isAllowedEmbedder } from './embedding-policy.js';
import { type FrameRefusalReason, frameRefusalContentSecurityPolicy, renderFramePage, renderFrameRefusal, type WidgetLang } from './frame-page.js';
import { MODERATE_PAGE_CONTENT_SECURITY_POLICY, moderatePageLang, renderAdminPage, renderModeratePage } from './moderate-page.js';
import { PAGE_CONTENT_SECURITY_POLICY } from './page-layout.js';
import { PolicyService } from '@/modules/policy/policy.service.js';
import { renderPolicyPage } from './policy-page.js';
import { requestOrigin } from './request-origin.js';
import { type WidgetAsset, type WidgetAssetName, WidgetBundles } from './widget-bundles.js';

const HTML = 'text/html; charset=utf-8';
/** The loader's URL never changes, so browsers and CDNs check for a new one every five minutes. */
const SHORT_CACHE = 'public, max-age=300';
/** A bundle asked for by its content hash (`?v=`) never changes. */
const FOREVER = 'public, max-age=31536000, immutable';

/** The widget loader, the widget frame, the moderator page, the demo article page and the policy page. */
@ApiExcludeController()
@Controller()
export class EmbedController {
  /** Each site's policy page of the version in force, rendered once per version. */
  private readonly policyPages = new Map<string, { version: number; html: string }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly bundles: WidgetBundles,
    private readonly policy: PolicyService,
    private readonly articles: ArticlesService,
    private readonly sites: SiteRegistry,
  ) {}

  @Get('embed.js')
  loader(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    // Publishers' pages load it with a plain <script>: the one resource other sites may load.
    void reply.header('cross-origin-resource-policy', 'cross-origin');
    return sendAsset(request, reply, this.bundles.require('loader'), SHORT_CACHE);
  }

  @Get('embed/frame.js')
  frameScript(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('v') version: unknown): FastifyReply {
    return this.sendVersioned(request, reply, 'frameScript', version);
  }

  @Get('embed/frame.css')
  frameStyles(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('v') version: unknown): FastifyReply {
    return this.sendVersioned(request, reply, 'frameStyles', version);
  }

  /** The widget's iframe document; refused (403) for a page whose origin may not embed it. */
  @Get('embed/frame')
  async frame(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('origin') origin: unknown,
    @Query('articleId') articleId: unknown,
    @Query('lang') lang: unknown,
    @Query('title') title: unknown,
    @Query('url') url: unknown,
    @Query('site') siteId: unknown,
  ): Promise<FastifyReply> {
    void reply.header('x-content-type-options', 'nosniff');
    // The page names its site with `data-site`; without one it is the default site's.
    const scope = siteId === undefined ? this.sites.defaultScope : typeof siteId === 'string' ? this.sites.scopeOf(siteId) : null;
    if (!scope) return refuse(reply, 404, 'origin');
    const site = this.sites.site(scope);
    if (typeof origin !== 'string' || !isAllowedEmbedder(origin, site, this.config, request)) {
      this.logger.warn(
        { site: scope.siteId, origin: typeof origin === 'string' ? origin.slice(0, 200) : null, referer: request.headers.referer?.slice(0, 200) },
        'refused to show the widget on a site not allowed to embed it',
      );
      return refuse(reply, 403, 'origin');
    }
    if (!articleIdSchema.safeParse(articleId).success) return refuse(reply, 400, 'article');
    if (this.config.autoCreateArticles) await this.articles.registerOnFirstEmbed(scope, origin, { id: articleId, title, url });
    void reply.header('content-security-policy', frameContentSecurityPolicy(site));
    const widgetLang: WidgetLang = lang === 'ko' ? 'ko' : 'en';
    const versions = { script: this.bundles.require('frameScript').version, styles: this.bundles.require('frameStyles').version };
    return reply.header('cache-control', SHORT_CACHE).type(HTML).send(renderFramePage(widgetLang, versions));
  }

  /** The demo article with the widget embedded as a publisher would; the loader comes from where the reader reached us. */
  @Get()
  demo(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    const page = renderDemoPage(requestOrigin(request) ?? this.config.publicUrl);
    return sendPage(reply, page, 'no-cache');
  }

  @Get('policy')
  policyRules(@CurrentSite() site: SiteScope, @Res() reply: FastifyReply): FastifyReply {
    const { version, definition } = this.policy.rulesInForce(site);
    const cached = this.policyPages.get(site.siteId);
    const page = cached?.version === version ? cached : { version, html: renderPolicyPage(this.config, definition) };
    this.policyPages.set(site.siteId, page);
    return sendPage(reply, page.html, SHORT_CACHE);
  }

  /** The moderator page: a shell for its bundle, which logs the moderator in and works the queues through the API. */
  @Get('moderate')
  moderate(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('lang') lang: unknown): FastifyReply {
    const versions = { script: this.bundles.require('moderateScript').version, styles: this.bundles.require('moderateStyles').version };
    return sendDeskPage(reply, renderModeratePage(moderatePageLang(lang, request.headers['accept-language']), versions));
  }

  /** The admin console: the same kind of shell, for its own bundle; the API decides who may do what in it. */
  @Get('moderate/admin')
  adminConsole(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('lang') lang: unknown): FastifyReply {
    const versions = { script: this.bundles.require('adminScript').version, styles: this.bundles.require('adminStyles').version };
    return sendDeskPage(reply, renderAdminPage(moderatePageLang(lang, request.headers['accept-language']), versions));
  }

  @Get('moderate/admin/admin.js')
  adminScript(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('v') version: unknown): FastifyReply {
    return this.sendVersioned(request, reply, 'adminScript', version);
  }

  @Get('moderate/admin/admin.css')
  adminStyles(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('v') version: unknown): FastifyReply {
    return this.sendVersioned(request, reply, 'adminStyles', version);
  }

  @Get('moderate/moderate.js')
  moderateScript(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('v') version: unknown): FastifyReply {
    return this.sendVersioned(request, reply, 'moderateScript', version);
  }

  @Get('moderate/moderate.css')
  moderateStyles(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('v') version: unknown): FastifyReply {
    return this.sendVersioned(request, reply, 'moderateStyles', version);
  }

  private sendVersioned(request: FastifyRequest, reply: FastifyReply, name: WidgetAssetName, version: unknown): FastifyReply {
    const asset = this.bundles.require(name);
    return sendAsset(request, reply, asset, version === asset.version ? FOREVER : SHORT_CACHE);
  }
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: WidgetAsset, cacheControl: string): FastifyReply {
  const etag = `"${asset.version}"`;
  void reply.header('cache-control', cacheControl).header('etag', etag).header('x-content-type-options', 'nosniff');
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type(asset.contentType).send(asset.body);
}

function sendDeskPage(reply: FastifyReply, page: string): FastifyReply {
  return (
    reply
      .header('content-security-policy', MODERATE_PAGE_CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      // The language follows the request, and a new build changes the bundles' versions.
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-language')
      .type(HTML)
      .send(page)
  );
}

function refuse(reply: FastifyReply, status: number, reason: FrameRefusalReason): FastifyReply {
  return reply
    .status(status)
    .header('content-security-policy', frameRefusalContentSecurityPolicy(reason))
    .header('cache-control', 'no-store')
    .type(HTML)
    .send(renderFrameRefusal(reason));
}

function sendPage(reply: FastifyReply, page: string, cacheControl: string): FastifyReply {
  return reply
    .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cacheControl)
    .type(HTML)
    .send(page);
}
