import type { FastifyInstance } from 'fastify';

const TREE_LINE = /^((?:│ {3}| {4})*)[├└]── (.+) \(([A-Z]+(?:, [A-Z]+)*)\)$/u;

/**
 * Every route the Fastify instance serves, as `METHOD /path` with the path as it was registered
 * (`/api/v1/comments/:commentId`), read from Fastify's own route tree (`printRoutes`), so it
 * includes what Nest, Swagger and the plugins (CORS) registered.
 *
 * `printRoutes({ commonPrefix: false })` prints one line per node that has handlers, its key being
 * the path since the node printed above it. A line this parser does not understand throws, and every
 * route it reads is checked with `hasRoute`, so a change of that format fails loudly instead of
 * hiding a route.
 */
export function registeredRoutes(fastify: FastifyInstance): string[] {
  const pathAtDepth: string[] = [];
  const routes: string[] = [];
  for (const line of fastify.printRoutes({ commonPrefix: false }).split('\n')) {
    if (line === '') continue;
    const match = TREE_LINE.exec(line);
    if (!match) throw new Error(`route tree line not understood: ${JSON.stringify(line)}`);
    const [, indent = '', key = '', methods = ''] = match;
    const depth = indent.length / 4;
    // The router keeps a top-level wildcard (CORS's `OPTIONS *`) as `/*` but prints it without the slash.
    const path = depth > 0 ? (pathAtDepth[depth - 1] ?? '') + key : key.startsWith('/') ? key : `/${key}`;
    pathAtDepth[depth] = path;
    pathAtDepth.length = depth + 1;
    for (const method of methods.split(', ')) {
      if (!fastify.hasRoute({ method, url: path })) throw new Error(`read ${method} ${path} from the route tree, but Fastify has no such route`);
      routes.push(`${method} ${path}`);
    }
  }
  return [...new Set(routes)].sort();
}
