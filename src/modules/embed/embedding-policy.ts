import type { FastifyRequest } from 'fastify';
import type { SiteRecord } from '@/modules/sites/site.types.js';
import type { AppConfig } from '@/config/config.js';
import { requestOrigin } from './request-origin.js';

/**
 * Who may show the widget of a site: the site's allowed origins (for the default site,
 * ALLOWED_ORIGINS) and the service itself (its public URL and the origin it was reached at, for the
 * demo page). The browser enforces the same list with the frame's CSP frame-ancestors; the `origin`
 * parameter check refuses to render at all for a page not on it, and is the origin the frame then
 * posts its messages to. The one check of an embedding origin: whatever else needs it asks here.
 */
export function isAllowedEmbedder(origin: string, site: Pick<SiteRecord, 'allowedOrigins'>, config: AppConfig, request: FastifyRequest): boolean {
  return site.allowedOrigins.includes(origin) || origin === config.publicUrl || origin === requestOrigin(request);
}

/** The frame's Content-Security-Policy: its own scripts, styles and API only; framed only by the site's allowed pages. */
export function frameContentSecurityPolicy(site: Pick<SiteRecord, 'allowedOrigins'>): string {
  // The origins were validated as plain origins on the way in (the environment, the sites API), so they are safe in a header.
  return selfOnlyContentSecurityPolicy(["'self'", ...new Set(site.allowedOrigins)].join(' '));
}

/**
 * The policy of the app's own script pages (the widget frame, the moderation desk): their own
 * scripts, styles and API only, so a token they hold cannot reach anyone else; `frameAncestors` says
 * who may show them in a frame.
 */
export function selfOnlyContentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}
