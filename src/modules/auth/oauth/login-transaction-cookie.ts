import type { LoginProviderId } from '../strategies/login-provider.js';
import { LOGIN_TRANSACTION_TTL_SECONDS } from './login-transaction.js';

export const LOGIN_TRANSACTION_COOKIE = 'comment_desk_login';

interface CookieScope {
  provider: LoginProviderId;
  /** Secure cookies when the service is served over HTTPS (PUBLIC_URL). */
  secure: boolean;
}

/**
 * The popup is a top-level window on the service's own origin, so this is a first-party cookie even
 * where the widget's iframe has third-party cookies blocked. SameSite=Lax: it must come back on the
 * provider's top-level redirect to the callback, and on nothing cross-site that is not a navigation.
 * Its path is the provider's callback, the only route that reads it.
 */
export function loginTransactionCookie(sealed: string, scope: CookieScope): string {
  return serialize(sealed, LOGIN_TRANSACTION_TTL_SECONDS, scope);
}

export function clearedLoginTransactionCookie(scope: CookieScope): string {
  return serialize('', 0, scope);
}

export function readLoginTransactionCookie(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === LOGIN_TRANSACTION_COOKIE) {
      const value = pair.slice(separator + 1).trim();
      return value || undefined;
    }
  }
  return undefined;
}

function serialize(value: string, maxAgeSeconds: number, { provider, secure }: CookieScope): string {
  const attributes = [`${LOGIN_TRANSACTION_COOKIE}=${value}`, `Path=/api/v1/auth/${provider}/callback`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax'];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}
