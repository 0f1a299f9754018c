import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Role, UserView } from '@/modules/auth/auth.types.js';
import type { HttpClient } from '../helpers/http-client.js';
import type { PublisherSigningKey } from '../helpers/jwks-server.js';
import { TEST_SSO_SECRET } from '../helpers/test-app.js';

export interface LoggedInUser {
  token: string;
  user: UserView;
}

let counter = 0;

/** A user logged in through the demo login: `await aUser(http, { role: 'admin' })`. */
export async function aUser(http: HttpClient, options: { role?: Role; name?: string } = {}): Promise<LoggedInUser> {
  const name = options.name ?? `${options.role ?? 'reader'}-${process.pid}-${++counter}`;
  const response = await http.post('/api/v1/auth/dev', { name, role: options.role ?? 'reader' });
  if (response.status !== 200) throw new Error(`dev login failed: ${response.status} ${response.text}`);
  return { token: response.body.accessToken, user: response.body.user };
}

/** A publisher SSO token, signed like a publisher would; claims can be overridden or removed (undefined). */
export async function anSsoToken(
  claims: Record<string, unknown> = {},
  options: { secret?: string | Uint8Array; alg?: string; expiresInSeconds?: number; kid?: string } = {},
): Promise<string> {
  return new SignJWT(ssoClaims(claims, options.expiresInSeconds))
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT', ...(options.kid !== undefined && { kid: options.kid }) })
    .sign(typeof options.secret === 'object' ? options.secret : new TextEncoder().encode(options.secret ?? TEST_SSO_SECRET));
}

/** A publisher SSO token signed with a private key, its `kid` in the header unless `kid: null`. */
export async function aKeySignedSsoToken(
  key: PublisherSigningKey,
  claims: Record<string, unknown> = {},
  options: { expiresInSeconds?: number; kid?: string | null } = {},
): Promise<string> {
  const kid = options.kid === undefined ? key.kid : options.kid;
  return new SignJWT(ssoClaims(claims, options.expiresInSeconds))
    .setProtectedHeader({ alg: key.alg, typ: 'JWT', ...(kid !== null && { kid }) })
    .sign(key.privateKey);
}

function ssoClaims(claims: Record<string, unknown>, expiresInSeconds = 300): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    sub: `publisher-user-${randomUUID()}`,
    name: 'Kim Ji-woo',
    jti: randomUUID(),
    iat: now,
    exp: now + expiresInSeconds,
    ...claims,
  };
  for (const key of Object.keys(payload)) if (payload[key] === undefined) delete payload[key];
  return payload;
}
