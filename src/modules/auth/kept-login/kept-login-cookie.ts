import { parse, serialize } from 'cookie';

export const KEPT_LOGIN_COOKIE = 'comment_desk_kept_login';
/** The only routes that read or write it, so it rides along with nothing else. */
const PATH = '/api/v1/auth/session';

/**
 * The reader's login kept by the widget's frame between page views: the access token in an HttpOnly
 * cookie of the service's own origin, sent to /api/v1/auth/session only. The frame is a third party
 * on a publisher's page, where browsers now refuse unpartitioned cookies and, in Chromium with
 * third-party cookies blocked, even the frame's localStorage; a `Partitioned` cookie (CHIPS) is
 * kept per top-level site instead, so a login on one publisher's pages is unknown on another's, and
 * `SameSite=None; Secure` is what a partitioned cookie requires.
 */
export function keptLoginCookie(accessToken: string, expiresAt: Date, now = new Date()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return serialize(KEPT_LOGIN_COOKIE, accessToken, { path: PATH, maxAge, httpOnly: true, secure: true, sameSite: 'none', partitioned: true });
}

export function clearedKeptLoginCookie(): string {
  return serialize(KEPT_LOGIN_COOKIE, '', { path: PATH, maxAge: 0, httpOnly: true, secure: true, sameSite: 'none', partitioned: true });
}

export function readKeptLoginCookie(cookieHeader: string | undefined): string | undefined {
  return parse(cookieHeader ?? '')[KEPT_LOGIN_COOKIE] || undefined;
}
