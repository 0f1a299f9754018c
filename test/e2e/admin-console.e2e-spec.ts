import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const ADMIN_BUDGET = 40 * 1024;

describe('the admin console page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const assetPaths = (page: string) => ({
    script: page.match(/<script src="(\/moderate\/admin\/admin\.js\?v=[\w-]+)" defer><\/script>/)?.[1],
    styles: page.match(/<link rel="stylesheet" href="(\/moderate\/admin\/admin\.css\?v=[\w-]+)">/)?.[1],
  });

  it('serves its HTML shell at /moderate/admin with the desk’s CSP: its own scripts, styles and API only, never framed', async () => {
    const response = await t.http.get('/moderate/admin');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    const csp = response.headers.get('content-security-policy')!.split('; ');
    expect(csp).toEqual(expect.arrayContaining(["script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]));
    expect(response.text).toContain('<div id="admin-console">');
    expect(response.text).not.toMatch(/<script>|<style>| on\w+=/);
    expect(assetPaths(response.text)).toEqual({ script: expect.any(String), styles: expect.any(String) });
  });

  it.each([
    ['?lang=ko', {}, 'ko', '관리자 콘솔'],
    ['', { 'accept-language': 'ko-KR,ko;q=0.9' }, 'ko', '관리자 콘솔'],
    ['', { 'accept-language': 'en-GB' }, 'en', 'Admin console'],
  ])('speaks the language of %j with headers %j', async (query, headers, lang, title) => {
    const response = await t.http.get(`/moderate/admin${query}`, { headers });
    expect(response.text).toContain(`<html lang="${lang}">`);
    expect(response.text).toContain(`<title>${title} · Comment Desk</title>`);
  });

  it('serves its bundle under its gzip budget of 40 KB, for good when asked for by its version, with its styles', async () => {
    const { script, styles } = assetPaths((await t.http.get('/moderate/admin')).text);
    const bundle = await t.http.get(script!);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(gzipSync(bundle.text).length).toBeLessThanOrEqual(ADMIN_BUDGET);
    // The console works through the same API as every client: the routes it calls are in it.
    for (const route of ['/policy/rules/rollback', '/policy/evaluate', '/moderation/log', '/moderation/users']) expect(bundle.text).toContain(route);
    expect((await t.http.get('/moderate/admin/admin.js?v=old')).headers.get('cache-control')).toBe('public, max-age=300');

    const css = await t.http.get(styles!);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    // The desk's styles come with it: one stylesheet for the console.
    expect(css.text).toContain('.page-header');
  });
});

describe('the demo login the desk and the console share', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('keeps an existing account’s role when no role is asked for, and makes a new account a reader', async () => {
    const admin = await aUser(t.http, { role: 'admin', name: 'Desk Chief' });
    const again = await t.http.post('/api/v1/auth/dev', { name: 'Desk Chief' });
    expect(again.status).toBe(200);
    expect(again.body.user).toMatchObject({ id: admin.user.id, role: 'admin' });

    const fresh = await t.http.post('/api/v1/auth/dev', { name: 'Someone New' });
    expect(fresh.body.user.role).toBe('reader');
    // Asking for a role still sets it, as the demo always did.
    expect((await t.http.post('/api/v1/auth/dev', { name: 'Desk Chief', role: 'moderator' })).body.user.role).toBe('moderator');
  });
});
