import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { BrowserResponse, PopupBrowser } from './fake-providers/popup-browser.js';

export interface OidcAccount {
  name?: string;
  email?: string;
  email_verified?: boolean;
}

/** Rewrites an ID token on its way out of the token endpoint; `sign` signs claims with the provider's own key. */
export type IdTokenRewrite = (idToken: string, tools: { claims: JWTPayload; sign(claims: JWTPayload): Promise<string> }) => Promise<string> | string;

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims for a login name; any other name logs in too, with only a `sub`. */
  setAccount(login: string, account: OidcAccount): void;
  /** The next token response carries the rewritten ID token instead (an attacker on the wire, a broken IdP). */
  rewriteNextIdToken(rewrite: IdTokenRewrite): void;
  /** Why oidc-provider refused requests at its token endpoint, e.g. "code_verifier does not match code_challenge". */
  readonly grantErrors: string[];
  close(): Promise<void>;
}

const CLIENT_ID = 'comment-desk';

/**
 * A real OpenID Provider (panva's oidc-provider) on a loopback port, with its development login
 * and consent pages (any login name and password are accepted). One client is registered, with
 * the given redirect URIs.
 */
export async function startOidcProvider(options: { redirectUris: string[] }): Promise<TestOidcProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-signing-key', alg: 'RS256', use: 'sig' };
  const signingKey = await importJWK(signingJwk, 'RS256');
  const accounts = new Map<string, OidcAccount>();
  const grantErrors: string[] = [];
  const clientSecret = randomBytes(24).toString('base64url');
  let pendingRewrite: IdTokenRewrite | undefined;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // oidc-provider warns about development settings (and Node 20) on import and construction.
  const { Provider } = await quietly(() => import('oidc-provider'));
  const provider = await quietly(
    () =>
      new Provider(issuer, {
        clients: [{ client_id: CLIENT_ID, client_secret: clientSecret, redirect_uris: options.redirectUris }],
        jwks: { keys: [signingJwk] },
        cookies: { keys: [randomBytes(16).toString('hex')] },
        claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
        findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...accounts.get(id) }) }),
        ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
      }),
  );
  provider.on('grant.error', (_ctx, error) => grantErrors.push(error.cause?.message ?? error.error_detail ?? error.error_description ?? error.message));
  const handle = provider.callback();

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const rewrite = pendingRewrite;
    if (rewrite && request.method === 'POST' && request.url === '/token') {
      pendingRewrite = undefined;
      rewriteJsonBody(response, async (body) => {
        if (typeof body.id_token !== 'string') return body;
        const sign = (claims: JWTPayload): Promise<string> =>
          new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: signingJwk.kid!, typ: 'JWT' }).sign(signingKey);
        return { ...body, id_token: await rewrite(body.id_token, { claims: decodeJwt(body.id_token), sign }) };
      });
    }
    handle(request, response);
  });

  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret,
    setAccount: (login, account) => void accounts.set(login, account),
    rewriteNextIdToken: (rewrite) => void (pendingRewrite = rewrite),
    grantErrors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Completes the provider's login and consent pages in `browser`, starting from the app's login
 * URL, and answers the provider's redirect back to the app (not yet followed).
 */
export async function authorizeAtOidcProvider(browser: PopupBrowser, loginUrl: string, login: string, appCallbackPrefix: string): Promise<string> {
  const isCallback = (location: string): boolean => location.startsWith(appCallbackPrefix);
  let page: BrowserResponse = await browser.follow(loginUrl, { stopBefore: isCallback });
  for (let step = 0; step < 4; step++) {
    if (page.location && isCallback(page.location)) return page.location;
    const action = page.text.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (page.status !== 200 || !action) throw new Error(`unexpected page at ${page.url}: ${page.status} ${page.text.slice(0, 300)}`);
    const form: Record<string, string> = page.text.includes('name="login"') ? { prompt: 'login', login, password: 'any password' } : { prompt: 'consent' };
    page = await browser.follow(new URL(action.replace(/&amp;/g, '&'), page.url), { form, stopBefore: isCallback });
  }
  throw new Error('the provider never redirected back to the app');
}

/** oidc-provider prints development-mode warnings when it starts; they say nothing about the test. */
async function quietly<T>(build: () => T | Promise<T>): Promise<T> {
  const { warn, info } = console;
  console.warn = () => {};
  console.info = () => {};
  try {
    return await build();
  } finally {
    console.warn = warn;
    console.info = info;
  }
}

/** Lets `edit` change a JSON body that oidc-provider (Koa) writes with a single `end(body)`. */
function rewriteJsonBody(response: ServerResponse, edit: (body: Record<string, unknown>) => Promise<Record<string, unknown>>): void {
  const end = response.end.bind(response) as (chunk?: unknown) => ServerResponse;
  response.end = ((chunk?: unknown) => {
    void (async () => {
      let text = Buffer.isBuffer(chunk) ? chunk.toString('utf8') : typeof chunk === 'string' ? chunk : '';
      try {
        text = JSON.stringify(await edit(JSON.parse(text) as Record<string, unknown>));
      } catch {
        // not JSON: sent as it was
      }
      response.setHeader('content-length', Buffer.byteLength(text));
      end(text);
    })();
    return response;
  }) as ServerResponse['end'];
}
