import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Role, UserView } from '@/modules/auth/auth.types.js';
import type { HttpClient } from '../helpers/http-client.js';
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
  options: { secret?: string; alg?: string; expiresInSeconds?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    sub: `publisher-user-${randomUUID()}`,
    name: 'Kim Ji-woo',
    jti: randomUUID(),
    iat: now,
    exp: now + (options.expiresInSeconds ?? 300),
    ...claims,
  };
  for (const key of Object.keys(payload)) if (payload[key] === undefined) delete payload[key];
  return new SignJWT(payload).setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(options.secret ?? TEST_SSO_SECRET));
}
