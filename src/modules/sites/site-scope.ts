declare const siteScopeBrand: unique symbol;

/**
 * The site a piece of work acts for. Every repository method that reads or writes a site's rows takes
 * one as its first argument and filters by it, so a query without a site does not type-check.
 *
 * A scope cannot be built from a string by the rest of the code: it is minted by the site registry,
 * for a site it knows, when it resolves a request (or for the default site, for work that belongs to
 * it). ESLint keeps `mintSiteScope` inside this module.
 */
export interface SiteScope {
  readonly siteId: string;
  readonly [siteScopeBrand]: true;
}

/** The site the environment configures; everything of the single-site versions belongs to it. */
export const DEFAULT_SITE_ID = 'default';

/** Site ids are short slugs: they go into cache keys, notification payloads and the `X-Comment-Site` header. */
export const SITE_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** Only for the site registry. */
export function mintSiteScope(siteId: string): SiteScope {
  return Object.freeze({ siteId }) as SiteScope;
}

/** The key of an article across sites, for caches and notifications (`site/article`). */
export function siteArticleKey(scope: SiteScope, articleId: string): string {
  return `${scope.siteId}/${articleId}`;
}
