import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { AuthenticateOptions, Authenticator } from 'passport';

/**
 * What the bridge needs of a Passport instance: `authenticate()`, and the middleware it returns as the
 * bridge calls it (@types/passport leaves that `any` unless told).
 */
type PassportAuthenticator = Pick<Authenticator<unknown, PassportMiddleware>, 'authenticate'>;

type PassportMiddleware = (req: ExpressLikeRequest, res: CapturedResponse, next: (error?: unknown) => void) => void;

/** How one run of a Passport strategy ended. */
export type PassportOutcome =
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'success'; user: unknown; info: unknown }
  | { kind: 'fail'; reason: string | undefined; status: number | undefined }
  | { kind: 'error'; error: unknown };

export interface PassportRequest {
  /** The raw Node request: strategies may read its headers and socket. */
  raw: Pick<IncomingMessage, 'method' | 'headers' | 'socket'>;
  /** Path and query as the strategy should see them; `req.query` is parsed from it. */
  url: string;
  /**
   * What a strategy keeps between its redirect and the callback (state, nonce, PKCE verifier): it
   * sees this object as `req.session`, reads and writes it in place, and the caller persists it.
   */
  state: Record<string, unknown>;
}

/** A strategy that neither answers nor redirects within this time has hung on a provider. */
const PASSPORT_TIMEOUT_MS = 20_000;

/** The parts of an Express request Passport strategies read (passport-oauth2, openid-client). */
interface ExpressLikeRequest {
  method: string;
  url: string;
  originalUrl: string;
  headers: IncomingHttpHeaders;
  socket: Socket;
  connection: Socket;
  query: Record<string, string>;
  body: undefined;
  session: Record<string, unknown>;
}

/**
 * The parts of an Express response Passport writes to. Passport ends a redirect with
 * `statusCode`, `setHeader('Location')` and `end()`; some strategies call `redirect()`.
 * Nothing reaches the socket: the answer is captured, and the caller writes it through Fastify
 * once it has stored the strategy's state.
 */
class CapturedResponse {
  statusCode = 200;
  private readonly headers = new Map<string, number | string | readonly string[]>();

  constructor(private readonly onEnd: (response: CapturedResponse) => void) {}

  setHeader(name: string, value: number | string | readonly string[]): this {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }

  getHeader(name: string): number | string | readonly string[] | undefined {
    return this.headers.get(name.toLowerCase());
  }

  /** Express's `redirect([status,] url)`. */
  redirect(statusOrUrl: number | string, maybeUrl?: string): void {
    const [status, url] = typeof statusOrUrl === 'number' ? [statusOrUrl, maybeUrl ?? ''] : [302, statusOrUrl];
    this.statusCode = status;
    this.setHeader('location', url);
    this.end();
  }

  end(): void {
    this.onEnd(this);
  }
}

/**
 * Runs one registered Passport strategy on the Fastify adapter: the one place where Passport meets
 * Fastify. It calls `passport.authenticate(name, options, callback)(req, res, next)` with an
 * Express-like view of the raw request and a response that captures what the strategy answers,
 * and settles once with how it ended: a redirect to the provider, success with the verify
 * callback's user, a failure (e.g. state mismatch, access denied) or an error.
 *
 * Strategies are always run by name: Passport then gives each request its own strategy object,
 * whereas a shared instance would have its success/fail handlers swapped under concurrent requests.
 */
export function runPassportStrategy(
  passport: PassportAuthenticator,
  strategyName: string,
  request: PassportRequest,
  options: AuthenticateOptions = {},
  timeoutMs = PASSPORT_TIMEOUT_MS,
): Promise<PassportOutcome> {
  return new Promise<PassportOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: PassportOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(
      () => settle({ kind: 'error', error: new Error(`the "${strategyName}" strategy did not finish within ${timeoutMs} ms`) }),
      timeoutMs,
    );
    timer.unref();

    const response = new CapturedResponse((captured) => {
      const location = captured.getHeader('location');
      if (typeof location === 'string' && captured.statusCode >= 300 && captured.statusCode < 400) {
        settle({ kind: 'redirect', location, status: captured.statusCode });
      } else {
        settle({ kind: 'error', error: new Error(`the "${strategyName}" strategy answered ${captured.statusCode} without a redirect`) });
      }
    });
    const callback = (error: unknown, user?: unknown, info?: unknown, status?: unknown): void => {
      if (error) return settle({ kind: 'error', error });
      if (user) return settle({ kind: 'success', user, info });
      settle({ kind: 'fail', reason: failureReason(info), status: typeof status === 'number' ? status : undefined });
    };
    // `next()` without an error is Passport's "pass": no authentication happened.
    const next = (error?: unknown): void =>
      settle(error ? { kind: 'error', error } : { kind: 'fail', reason: 'the strategy passed the request on', status: undefined });

    try {
      passport.authenticate(strategyName, { ...options, session: false }, callback)(expressLikeRequest(request), response, next);
    } catch (error) {
      settle({ kind: 'error', error });
    }
  });
}

function expressLikeRequest({ raw, url, state }: PassportRequest): ExpressLikeRequest {
  const parsed = new URL(url, 'http://request.invalid');
  const pathAndQuery = parsed.pathname + parsed.search;
  const query: Record<string, string> = {};
  // The first value of a repeated parameter: `?state=a&state=b` must not become an array.
  for (const [name, value] of parsed.searchParams) if (!(name in query)) query[name] = value;
  return {
    method: raw.method ?? 'GET',
    url: pathAndQuery,
    originalUrl: pathAndQuery,
    headers: raw.headers,
    socket: raw.socket,
    connection: raw.socket,
    query,
    body: undefined,
    session: state,
  };
}

function failureReason(info: unknown): string | undefined {
  if (typeof info === 'string') return info;
  if (info && typeof info === 'object' && typeof (info as { message?: unknown }).message === 'string') return (info as { message: string }).message;
  return undefined;
}
