import { describe, expect, it } from '@jest/globals';
import type { IssuedSession } from '../auth.types.js';
import { loginFailedPage, loginSucceededPage, scriptJson } from './popup-page.js';

const session: IssuedSession = {
  accessToken: 'cd_token',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: { id: 'u-1', displayName: 'Kim Ji-woo', provider: 'kakao', role: 'reader', status: 'active', suspendedUntil: null },
};

function scriptOf(html: string): string {
  return html.match(/<script nonce="[^"]+">([\s\S]*?)<\/script>/)?.[1] ?? '';
}

describe('the popup pages', () => {
  it('post the session to the exact opener origin, never to "*"', () => {
    const { html } = loginSucceededPage(session, 'https://news.example.com');
    const script = scriptOf(html);
    expect(script).toContain('window.opener.postMessage(message, targetOrigin)');
    expect(script).toContain('var targetOrigin = "https://news.example.com";');
    expect(script).toContain(`var message = ${JSON.stringify({ type: 'comment-desk:login', ...session })};`);
    expect(html).not.toMatch(/postMessage\([^)]*['"]\*['"]/);
  });

  it('allow only their own script and style, by nonce, and are never cached', () => {
    const { html, headers } = loginSucceededPage(session, 'https://news.example.com');
    const nonce = headers['content-security-policy']!.match(/script-src 'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    expect(loginSucceededPage(session, 'https://news.example.com').headers['content-security-policy']).not.toContain(nonce);
  });

  it('cannot be broken out of by what a provider calls the reader', () => {
    const hostile = { ...session, user: { ...session.user, displayName: '</script><script>alert(1)</script>\u2028<!--' } };
    const { html } = loginSucceededPage(hostile, 'https://news.example.com');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    expect(html).toContain('&#60;/script&#62;');
  });

  it('close themselves after handing over a session, a moment after posting', () => {
    expect(scriptOf(loginSucceededPage(session, 'https://news.example.com').html)).toMatch(
      /postMessage\(message, targetOrigin\);\s+setTimeout\(function \(\) \{ window\.close\(\); \}, \d+\);/,
    );
  });

  it('tell the opener of a failure with the contract code, when the opener is known, and stay open to be read', () => {
    const { html } = loginFailedPage({ code: 'AUTH_REQUIRED', message: 'The login was cancelled.' }, 'https://news.example.com');
    expect(scriptOf(html)).toContain('"type":"comment-desk:login-failed","code":"AUTH_REQUIRED"');
    expect(scriptOf(html)).not.toContain('window.close');
    expect(html).toContain('<p>The login was cancelled.</p>');
  });

  it('post nothing at all when the opener was not validated', () => {
    const { html } = loginFailedPage({ code: 'VALIDATION_FAILED', message: 'origin not allowed' }, null);
    expect(html).not.toContain('<script');
    expect(html).toContain('VALIDATION_FAILED');
  });

  it.each([
    ['</script>', '"\\u003c/script\\u003e"'],
    ['a & b', '"a \\u0026 b"'],
    ['line\u2028separator', '"line\\u2028separator"'],
  ])('encodes %p for a script element as %s', (value, encoded) => {
    expect(scriptJson(value)).toBe(encoded);
    expect(JSON.parse(scriptJson(value))).toBe(value);
  });
});
