import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ARTICLE } from '@/modules/embed/demo-article.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const PUBLISHER = 'https://news.example.com';
const SECOND_PUBLISHER = 'https://www.news.example.com';

describe('the embeddable widget, the demo page and the policy page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ALLOWED_ORIGINS: `${PUBLISHER},${SECOND_PUBLISHER}` } });
  });
  afterAll(() => t.close());

  const frameUrl = (origin: string, articleId = 'a-1') => `/embed/frame?${new URLSearchParams({ articleId, lang: 'ko', origin })}`;

  describe('GET /embed.js', () => {
    it('serves the loader as cacheable JavaScript under 5 KB gzipped', async () => {
      const response = await t.http.get('/embed.js');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expect(response.text).toContain('data-comments');
      expect(gzipSync(response.text).length).toBeLessThanOrEqual(5 * 1024);
    });

    it('answers 304 to a browser that has the same loader', async () => {
      const first = await t.http.get('/embed.js');
      const again = await t.http.get('/embed.js', { headers: { 'if-none-match': first.headers.get('etag')! } });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
    });
  });

  describe('GET /embed/frame', () => {
    it('answers the frame with a CSP whose frame-ancestors are the allowed origins and itself', async () => {
      const response = await t.http.get(frameUrl(PUBLISHER));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain(`frame-ancestors 'self' ${PUBLISHER} ${SECOND_PUBLISHER}`);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(response.text).toMatch(/<html lang="ko">/);
      expect(response.text).toMatch(/<script src="\/embed\/frame\.js\?v=[\w-]+" defer><\/script>/);
    });

    it.each([
      ['a foreign origin', 'https://evil.example'],
      ['a look-alike of an allowed origin', 'https://news.example.com.evil.example'],
      ['an allowed host on another scheme', 'http://news.example.com'],
      ['no origin at all', ''],
    ])('refuses %s with 403 and renders no widget, in a page any site may frame that tells the loader why', async (_, origin) => {
      const response = await t.http.get(frameUrl(origin));
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain('frame-ancestors *');
      expect(csp).toContain("default-src 'none'");
      expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(response.text).not.toContain('frame.js');
      expect(response.text).toContain('comment-desk:refused');
    });

    it('is allowed on the service itself, for the demo page', async () => {
      expect((await t.http.get(frameUrl(t.baseUrl))).status).toBe(200);
    });

    it('refuses an article id the contract does not allow with 400, escaping nothing into the page', async () => {
      const response = await t.http.get(frameUrl(PUBLISHER, '<script>alert(1)</script>'));
      expect(response.status).toBe(400);
      expect(response.text).not.toContain('alert(1)');
    });

    it('serves the frame bundle under 30 KB gzipped, for good when asked for by its version', async () => {
      const frame = await t.http.get(frameUrl(PUBLISHER));
      const scriptPath = frame.text.match(/src="(\/embed\/frame\.js\?v=[\w-]+)"/)![1]!;
      const script = await t.http.get(scriptPath);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(gzipSync(script.text).length).toBeLessThanOrEqual(30 * 1024);
      expect((await t.http.get('/embed/frame.js?v=old')).headers.get('cache-control')).toBe('public, max-age=300');

      const stylesPath = frame.text.match(/href="(\/embed\/frame\.css\?v=[\w-]+)"/)![1]!;
      const styles = await t.http.get(stylesPath);
      expect(styles.status).toBe(200);
      expect(styles.headers.get('content-type')).toBe('text/css; charset=utf-8');
    });
  });

  describe('GET / (the demo article)', () => {
    it('lays out the demo article and embeds the widget with the two lines of the contract', async () => {
      const response = await t.http.get('/');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('<h1>Waves of Russia&#39;s war ripple toward South with North&#39;s troop dispatch</h1>');
      expect(response.text).toContain(DEMO_ARTICLE.outlet);
      expect(response.text).toContain(DEMO_ARTICLE.byline);
      expect(response.text).toContain(`<div data-comments data-article-id="${DEMO_ARTICLE.id}"></div>\n<script src="${t.baseUrl}/embed.js" async></script>`);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    });

    it('never writes a hostile Host header into the page', async () => {
      const { request } = await import('node:http');
      const url = new URL(t.baseUrl);
      const body = await new Promise<string>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path: '/', headers: { host: '"><script>x</script>' } }, (res) => {
          let text = '';
          res
            .setEncoding('utf8')
            .on('data', (chunk: string) => (text += chunk))
            .on('end', () => resolve(text));
        });
        req.on('error', reject).end();
      });
      expect(body).not.toContain('<script>x');
    });
  });

  describe('GET /policy', () => {
    it('explains the Standards Board policy in English and Korean', async () => {
      const response = await t.http.get('/policy');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      for (const words of [
        'Standards Board Policy',
        '250 characters',
        'resident registration numbers',
        'ㅅㅂ',
        'premoderation',
        '댓글 운영 원칙',
        '주민등록번호',
        '신고',
      ]) {
        expect(response.text).toContain(words);
      }
    });

    it('is the page GET /api/v1/policy points to', async () => {
      const info = await t.http.get('/api/v1/policy');
      expect(new URL(info.body.policyUrl).pathname).toBe('/policy');
    });
  });

  it('keeps these pages out of the OpenAPI description', async () => {
    const openApi = await t.http.get('/api/docs/openapi.json');
    expect(Object.keys(openApi.body.paths).filter((path) => !path.startsWith('/api/'))).toEqual([]);
  });
});
