import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { readerSubject } from './seed.js';

export interface LoggedIn {
  accessToken: string;
  userId: string;
}

/** Logins in flight at once: enough to be quick, few enough not to be a load test of their own. */
const LOGIN_CONCURRENCY = 16;
const TOKEN_LIFETIME_SECONDS = 300;

/** Bench readers 1…count log in through publisher SSO, as the publisher's site would send them. */
export async function logInReaders(baseUrl: string, secret: string, count: number): Promise<LoggedIn[]> {
  const readers = new Array<LoggedIn>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let n = next++; n < count; n = next++) {
      readers[n] = await logIn(baseUrl, await ssoToken(secret, { sub: readerSubject(n + 1), name: `독자 ${n + 1}` }));
    }
  };
  await Promise.all(Array.from({ length: LOGIN_CONCURRENCY }, worker));
  return readers;
}

/** Needs SSO_TRUST_ROLE=true on the app: only then does the token's role claim count. */
export async function logInModerator(baseUrl: string, secret: string): Promise<LoggedIn> {
  return logIn(baseUrl, await ssoToken(secret, { sub: 'bench-moderator', name: 'Bench moderator', role: 'moderator' }));
}

async function ssoToken(secret: string, claims: { sub: string; name: string; role?: string }): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
    .sign(new TextEncoder().encode(secret));
}

async function logIn(baseUrl: string, token: string): Promise<LoggedIn> {
  const response = await fetch(`${baseUrl}/api/v1/auth/sso`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (response.status !== 200) throw new Error(`SSO login answered ${response.status}: ${await response.text()}`);
  const session = (await response.json()) as { accessToken: string; user: { id: string } };
  return { accessToken: session.accessToken, userId: session.user.id };
}
