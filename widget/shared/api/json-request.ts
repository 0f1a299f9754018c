import { ApiError, apiErrorFromResponse } from './api-error.js';

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Never from the browser's cache (after a write, on a poll). */
  fresh?: boolean;
  /** Outlives the page, for a last call while it unloads. */
  keepalive?: boolean;
}

export type JsonRequest = <T>(method: string, path: string, body?: unknown, options?: RequestOptions) => Promise<T>;

/**
 * JSON calls to the service's API under /api/v1. The pages that use it are served by the service,
 * so every call is same-origin. The token is read from memory at each call (never stored in the
 * browser) and sent on every call once someone is logged in. Failures become ApiErrors: the
 * contract's error codes, or NETWORK when the service could not be reached.
 */
export function createJsonRequest(currentToken: () => string | null, baseHeaders: Record<string, string> | (() => Record<string, string>) = {}): JsonRequest {
  return async <T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> => {
    const token = currentToken();
    // A function is asked at every call: the desk's site can change while the page is open.
    const base = typeof baseHeaders === 'function' ? baseHeaders() : baseHeaders;
    const headers: Record<string, string> = { accept: 'application/json', ...base, ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    // Anonymous reads may be cached for a few seconds (public, max-age). The browser's cache does not
    // key on the token, so a logged-in caller, a refresh after a write and a poll revalidate instead
    // (a 304 when nothing changed): otherwise they could be shown the anonymous copy or an old one.
    const cache: RequestCache = token || options.fresh ? 'no-cache' : 'default';
    let response: Response;
    try {
      response = await fetch(`/api/v1${path}`, {
        method,
        headers,
        cache,
        keepalive: options.keepalive ?? false,
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      throw new ApiError('NETWORK', 'The comment service could not be reached.');
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML error page: reported by status below.
    }
    if (!response.ok) throw apiErrorFromResponse(response.status, parsed, response.headers.get('retry-after'));
    return parsed as T;
  };
}
