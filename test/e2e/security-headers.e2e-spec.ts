import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PAGE_CONTENT_SECURITY_POLICY } from '@/modules/embed/page-layout.js';
import { MODERATE_PAGE_CONTENT_SECURITY_POLICY } from '@/modules/embed/moderate-page.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const PUBLISHER = 'https://news.example.com';
const frameUrl = `/embed/frame?${new URLSearchParams({ articleId: 'a-1', lang: 'ko', origin: PUBLISHER })}`;

/** Pages, assets, API answers, errors and the router's own refusals: every kind of response. */
const RESPONSES: [string, string, number][] = [
  ['the demo page', '/', 200],
  ['the policy page', '/policy', 200],
  ['the widget frame', frameUrl, 200],
  ['a frame refused to a foreign page', `/embed/frame?${new URLSearchParams({ articleId: 'a-1', origin: 'https://evil.example' })}`, 403],
  ['the loader', '/embed.js', 200],
  ['an API answer', '/api/v1/policy', 200],
  ['an unknown route', '/api/v1/no-such-thing', 404],
  ['a refused path', `/api/v1/articles/${'x'.repeat(300)}`, 414],
  ['the API documentation', '/api/docs', 200],
];

describe('security headers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ALLOWED_ORIGINS: PUBLISHER } });
  });
  afterAll(() => t.close());

  it.each(RESPONSES)('sends Referrer-Policy, Permissions-Policy and nosniff with %s', async (_name, path, status) => {
    const response = await t.http.get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toEqual(expect.stringContaining('camera=(), '));
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
      expect(response.headers.get('permissions-policy')).toContain(`${feature}=()`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // Not over plain http; a browser would ignore it there anyway.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('keeps the stricter Referrer-Policy of the moderators’ desk', async () => {
    expect((await t.http.get('/moderate')).headers.get('referrer-policy')).toBe('same-origin');
  });

  it('keeps each page’s own Content-Security-Policy, and adds none where there was none', async () => {
    expect((await t.http.get('/')).headers.get('content-security-policy')).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect((await t.http.get('/policy')).headers.get('content-security-policy')).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect((await t.http.get('/moderate')).headers.get('content-security-policy')).toBe(MODERATE_PAGE_CONTENT_SECURITY_POLICY);
    expect((await t.http.get(frameUrl)).headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${PUBLISHER}`);
    expect((await t.http.get('/api/v1/policy')).headers.get('content-security-policy')).toBeNull();
  });

  it('lets publishers’ pages load the loader and frame the widget, and the login popup reach its opener', async () => {
    expect((await t.http.get('/embed.js')).headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await t.http.get('/api/v1/policy')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const frame = await t.http.get(frameUrl);
    expect(frame.headers.get('x-frame-options')).toBeNull();
    for (const path of ['/', frameUrl, '/moderate']) expect((await t.http.get(path)).headers.get('cross-origin-opener-policy')).toBeNull();
  });
});

describe('security headers of a service on https', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://comments.example.com' } });
  });
  afterAll(() => t.close());

  it.each(RESPONSES)('sends Strict-Transport-Security for this host only with %s', async (_name, path) => {
    expect((await t.http.get(path)).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
