import { describe, expect, it } from '@jest/globals';
import { clearedLoginTransactionCookie, loginTransactionCookie, readLoginTransactionCookie } from './login-transaction-cookie.js';
import { LoginTransactionSealer } from './login-transaction.js';

const sealer = (secret = 'a-session-secret-of-at-least-32-characters') => new LoginTransactionSealer({ sessionSecret: { value: secret, generated: false } });
const strategyState = { oidc: { code_verifier: 'verifier-that-must-stay-secret', nonce: 'nonce-1', state: 'state-1' } };

describe('LoginTransactionSealer', () => {
  it('opens what it sealed, for the same provider', async () => {
    const transactions = sealer();
    const transaction = transactions.begin('oidc', 'https://news.example.com', strategyState);
    const opened = await transactions.open(await transactions.seal(transaction), 'oidc');
    expect(opened).toEqual({ ...transaction, expiresAt: new Date(Math.floor(transaction.expiresAt.getTime() / 1000) * 1000) });
  });

  it('encrypts: neither the PKCE verifier nor the nonce can be read from the cookie', async () => {
    const transactions = sealer();
    const sealed = await transactions.seal(transactions.begin('oidc', 'https://news.example.com', strategyState));
    const decoded = sealed
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('latin1'))
      .join('.');
    expect(decoded).not.toContain('verifier-that-must-stay-secret');
    expect(decoded).not.toContain('nonce-1');
  });

  it.each<[string, (sealed: string) => Promise<unknown>]>([
    ['nothing', () => sealer().open(undefined, 'oidc')],
    ['garbage', () => sealer().open('not-a-jwe', 'oidc')],
    ['a cookie sealed with another secret', (sealed) => sealer('another-session-secret-of-32-characters!').open(sealed, 'oidc')],
    ['a cookie for another provider', (sealed) => sealer().open(sealed, 'google')],
    ['an altered cookie', (sealed) => sealer().open(sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA'), 'oidc')],
    ['an expired cookie', (sealed) => sealer().open(sealed, 'oidc', new Date(Date.now() + 11 * 60_000))],
  ])('opens %s as null', async (_, open) => {
    const transactions = sealer();
    const sealed = await transactions.seal(transactions.begin('oidc', 'https://news.example.com', strategyState));
    await expect(open(sealed)).resolves.toBeNull();
  });
});

describe('the login transaction cookie', () => {
  it('is HttpOnly, SameSite=Lax, short-lived and scoped to the provider callback', () => {
    expect(loginTransactionCookie('sealed', { provider: 'kakao', secure: false })).toBe(
      'comment_desk_login=sealed; Path=/api/v1/auth/kakao/callback; Max-Age=600; HttpOnly; SameSite=Lax',
    );
    expect(loginTransactionCookie('sealed', { provider: 'kakao', secure: true })).toMatch(/; Secure$/);
    expect(clearedLoginTransactionCookie({ provider: 'kakao', secure: false })).toMatch(
      /^comment_desk_login=; Path=\/api\/v1\/auth\/kakao\/callback; Max-Age=0;/,
    );
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['other=1', undefined],
    ['comment_desk_login=abc.def', 'abc.def'],
    ['a=1; comment_desk_login=abc; b=2', 'abc'],
    ['not_comment_desk_login=x; comment_desk_login=y', 'y'],
    ['comment_desk_login=', undefined],
  ])('reads %p as %p', (header, expected) => {
    expect(readLoginTransactionCookie(header)).toBe(expected);
  });
});
