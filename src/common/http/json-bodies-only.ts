import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** The one route that takes a form: the unsubscribe page's button, and mail clients' one-click unsubscribe (RFC 8058). */
const FORM_ROUTES = new Set(['/unsubscribe']);

const NOT_JSON = { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json.', details: {} } };

/**
 * Refuses form and plain-text bodies with 415 before they are parsed: the framework would otherwise
 * read them on every route (and hand a route a body of strings), while the API takes JSON alone.
 * Other types are refused by the framework itself, having no parser.
 */
export function jsonBodiesOnlyHook(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const type = request.headers['content-type']?.trimStart().toLowerCase();
  const parsedAnyway = type !== undefined && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('text/plain'));
  if (parsedAnyway && !(type.startsWith('application/x-www-form-urlencoded') && FORM_ROUTES.has(request.routeOptions.url ?? ''))) {
    // Answered here; `done` is not called, so no route runs.
    void reply.code(415).type('application/json; charset=utf-8').send(NOT_JSON);
    return;
  }
  done();
}
