import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { SiteRegistry } from './site-registry.js';
import type { SiteScope } from './site-scope.js';

export type SiteRequest = FastifyRequest & { site?: SiteScope };

/**
 * The Fastify hook that names every request's site, from memory, before any route runs. A request
 * that names a site this deployment does not serve is answered 404 at once.
 */
export function resolveSiteHook(sites: SiteRegistry) {
  // In the callback style: it runs on every request, and has nothing to wait for.
  return (request: SiteRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const site = sites.resolve(request.headers);
    if (!site) {
      // Answered here; `done` is not called, so no route runs.
      void reply.code(404).type('application/json; charset=utf-8').send(UNKNOWN_SITE);
      return;
    }
    request.site = site;
    done();
  };
}

const UNKNOWN_SITE = { error: { code: 'NOT_FOUND', message: 'This service serves no such site.', details: {} } };

/** The request's site, as the site hook resolved it. */
export const CurrentSite = createParamDecorator((_: unknown, context: ExecutionContext): SiteScope => {
  const site = context.switchToHttp().getRequest<SiteRequest>().site;
  if (!site) throw new Error('the request has no site: is the site hook registered?');
  return site;
});
