import type { FastifyRequest } from 'fastify';

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin the browser used to reach this service (scheme and Host header), or null when the
 * Host header is not a plain host. A browser cannot send another site's name as Host, so a page
 * served with it is this service's own page as the reader addressed it (127.0.0.1 or localhost).
 */
export function requestOrigin(request: FastifyRequest): string | null {
  const host = request.host;
  if (!HOST.test(host)) return null;
  return `${request.protocol}://${host}`;
}
