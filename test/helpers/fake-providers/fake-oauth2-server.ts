import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Someone with an account at the fake provider. */
export interface FakeUser {
  id: string;
  name: string;
  email?: string;
  emailVerified?: boolean;
}

export interface FakeProviderShape {
  /** The provider's own paths, as documented. */
  paths: { authorize: string; token: string; userInfo: string };
  /** The profile endpoint's answer for a user, in the provider's own shape. */
  profile(user: FakeUser): unknown;
}

export interface FakeOAuth2Provider {
  origin: string;
  clientId: string;
  clientSecret: string;
  authorizationUrl: string;
  tokenUrl: string;
  userInfoUrl: string;
  /** The user who consents at the next authorizations. */
  signIn(user: FakeUser): void;
  /** The next authorization is refused by the user (`error=access_denied`). */
  denyNext(): void;
  /** What the token endpoint refused, newest last (e.g. "code already used"). */
  readonly tokenErrors: string[];
  close(): Promise<void>;
}

interface IssuedCode {
  user: FakeUser;
  redirectUri: string;
  codeChallenge: string | undefined;
}

/**
 * An OAuth 2.0 authorization server as the big Korean and US providers run theirs: the authorize
 * endpoint (the signed-in user consents at once), a token endpoint that checks the client, the
 * redirect URI, single use of the code and PKCE when a challenge was sent, and a profile endpoint
 * that wants `Authorization: Bearer`.
 */
export async function startFakeOAuth2Provider(shape: FakeProviderShape): Promise<FakeOAuth2Provider> {
  const clientId = `client-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(16).toString('hex');
  const codes = new Map<string, IssuedCode>();
  const accessTokens = new Map<string, FakeUser>();
  const tokenErrors: string[] = [];
  let signedIn: FakeUser = { id: '1000', name: 'Default User' };
  let denyNext = false;

  const authorize = (url: URL, response: ServerResponse): void => {
    const redirectUri = url.searchParams.get('redirect_uri');
    if (url.searchParams.get('client_id') !== clientId || !redirectUri || url.searchParams.get('response_type') !== 'code') {
      return json(response, 400, { error: 'invalid_request' });
    }
    const back = new URL(redirectUri);
    const state = url.searchParams.get('state');
    if (state !== null) back.searchParams.set('state', state);
    if (denyNext) {
      denyNext = false;
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user denied the request.');
    } else {
      const code = randomBytes(16).toString('base64url');
      const challenge = url.searchParams.get('code_challenge') ?? undefined;
      if (challenge && url.searchParams.get('code_challenge_method') !== 'S256') return json(response, 400, { error: 'invalid_request' });
      codes.set(code, { user: signedIn, redirectUri, codeChallenge: challenge });
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { location: back.href }).end();
  };

  const token = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const form = new URLSearchParams(await readBody(request));
    const refuse = (status: number, error: string, description: string): void => {
      tokenErrors.push(description);
      json(response, status, { error, error_description: description });
    };
    const [basicId, basicSecret] = basicCredentials(request.headers.authorization);
    if ((form.get('client_id') ?? basicId) !== clientId || (form.get('client_secret') ?? basicSecret) !== clientSecret) {
      return refuse(401, 'invalid_client', 'client authentication failed');
    }
    if (form.get('grant_type') !== 'authorization_code') return refuse(400, 'unsupported_grant_type', 'only authorization_code');
    const code = form.get('code') ?? '';
    const issued = codes.get(code);
    if (!issued) return refuse(400, 'invalid_grant', 'unknown or already used code');
    codes.delete(code);
    if (form.get('redirect_uri') !== issued.redirectUri) return refuse(400, 'invalid_grant', 'redirect_uri mismatch');
    if (issued.codeChallenge) {
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== issued.codeChallenge) return refuse(400, 'invalid_grant', 'PKCE verification failed');
    }
    const accessToken = randomBytes(24).toString('base64url');
    accessTokens.set(accessToken, issued.user);
    json(response, 200, { access_token: accessToken, token_type: 'bearer', expires_in: 3600, refresh_token: randomBytes(24).toString('base64url') });
  };

  const userInfo = (request: IncomingMessage, response: ServerResponse): void => {
    const bearer = request.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
    const user = bearer ? accessTokens.get(bearer) : undefined;
    if (!user) return json(response, 401, { error: 'invalid_token' });
    json(response, 200, shape.profile(user));
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    if (request.method === 'GET' && url.pathname === shape.paths.authorize) return authorize(url, response);
    if (request.method === 'POST' && url.pathname === shape.paths.token) return void token(request, response);
    if (request.method === 'GET' && url.pathname === shape.paths.userInfo) return userInfo(request, response);
    json(response, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    clientId,
    clientSecret,
    authorizationUrl: origin + shape.paths.authorize,
    tokenUrl: origin + shape.paths.token,
    userInfoUrl: origin + shape.paths.userInfo,
    signIn: (user) => void (signedIn = user),
    denyNext: () => void (denyNext = true),
    tokenErrors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function basicCredentials(header: string | undefined): [string | undefined, string | undefined] {
  const encoded = header?.match(/^Basic (\S+)$/)?.[1];
  if (!encoded) return [undefined, undefined];
  const [id, secret] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
  return [id && decodeURIComponent(id), secret && decodeURIComponent(secret)];
}
