import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { QueueReason as PolicyReason } from '@/contract/moderation-queue.js';
import { createEventStreamParser, type ServerSentEvent } from '@widget/moderate/live/server-sent-events.js';
import { highlightSegments } from '@widget/moderate/text/highlight.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const MODERATE_BUDGET = 40 * 1024;

describe('the moderator page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const assetPaths = (page: string) => ({
    script: page.match(/<script src="(\/moderate\/moderate\.js\?v=[\w-]+)" defer><\/script>/)?.[1],
    styles: page.match(/<link rel="stylesheet" href="(\/moderate\/moderate\.css\?v=[\w-]+)">/)?.[1],
  });

  it('serves the HTML shell with a CSP that allows only its own scripts, styles and API, and no framing', async () => {
    const response = await t.http.get('/moderate');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy')!.split('; ');
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ]),
    );
    expect(response.text).toContain('<div id="moderate-desk">');
    expect(response.text).not.toMatch(/<script>|<style>| on\w+=/);
    const { script, styles } = assetPaths(response.text);
    expect(script).toBeDefined();
    expect(styles).toBeDefined();
  });

  it.each([
    ['?lang=ko', {}, 'ko', '댓글 운영 데스크'],
    ['?lang=en', { 'accept-language': 'ko-KR,ko;q=0.9' }, 'en', 'Moderation desk'],
    ['', { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' }, 'ko', '댓글 운영 데스크'],
    ['', { 'accept-language': 'en-GB,en;q=0.9' }, 'en', 'Moderation desk'],
    ['?lang=<script>', {}, 'en', 'Moderation desk'],
  ])('speaks the language of %j with headers %j', async (query, headers, lang, title) => {
    const response = await t.http.get(`/moderate${query}`, { headers });
    expect(response.text).toContain(`<html lang="${lang}">`);
    expect(response.text).toContain(`<title>${title} · Comment Desk</title>`);
    expect(response.text).not.toContain('<script>');
  });

  it('serves the bundle under its gzip budget of 40 KB, for good when asked for by its version', async () => {
    const { script, styles } = assetPaths((await t.http.get('/moderate')).text);
    const bundle = await t.http.get(script!);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(gzipSync(bundle.text).length).toBeLessThanOrEqual(MODERATE_BUDGET);
    // The page and the bundle ask only for the service's own API (connect-src 'self').
    expect(bundle.text).toContain('/api/v1/moderation/events');
    expect((await t.http.get('/moderate/moderate.js?v=old')).headers.get('cache-control')).toBe('public, max-age=300');

    const css = await t.http.get(styles!);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const again = await t.http.get(styles!, { headers: { 'if-none-match': css.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('marking what the policy matched in a comment (the page’s highlighter)', () => {
  const reason = (rule: string, ...spans: [number, number][]): PolicyReason => ({
    rule,
    message: rule,
    matches: spans.map(([start, end]) => ({ text: '***', start, end })),
  });
  const cases: [string, string, PolicyReason[], [string, string[]][]][] = [
    ['no match', 'plain text', [], [['plain text', []]]],
    [
      'one match, by offsets (the match text is masked)',
      'call 010-1234-5678 now',
      [reason('personal.phone', [5, 18])],
      [
        ['call ', []],
        ['010-1234-5678', ['personal.phone']],
        [' now', []],
      ],
    ],
    [
      'UTF-16 offsets after an emoji',
      '👀 a@b.kr',
      [reason('personal.email', [3, 9])],
      [
        ['👀 ', []],
        ['a@b.kr', ['personal.email']],
      ],
    ],
    [
      'a cut inside a surrogate pair, widened to the whole emoji',
      'x👀y',
      [reason('flood.repeat', [2, 3])],
      [
        ['x', []],
        ['👀', ['flood.repeat']],
        ['y', []],
      ],
    ],
    [
      'overlapping matches of two rules',
      'abcdef',
      [reason('r.one', [0, 4]), reason('r.two', [2, 6])],
      [
        ['ab', ['r.one']],
        ['cd', ['r.one', 'r.two']],
        ['ef', ['r.two']],
      ],
    ],
    ['positions the body cannot hold, dropped', 'short', [reason('r.bad', [3, 99], [4, 2], [-1, 2])], [['short', []]]],
  ];

  it.each(cases)('%s', (_, body, reasons, expected) => {
    const segments = highlightSegments(body, reasons);
    expect(segments.map((segment) => [segment.text, segment.rules])).toEqual(expected);
    expect(segments.map((segment) => segment.text).join('')).toBe(body);
  });
});

describe('reading the live moderation stream (the page’s server-sent events parser)', () => {
  const parse = (chunks: string[]) => {
    const events: ServerSentEvent[] = [];
    const feed = createEventStreamParser((event) => events.push(event));
    for (const chunk of chunks) feed(chunk);
    return events;
  };
  const queued = 'event: queue\ndata: {"type":"comment.queued","commentId":"c1"}\n\n';

  it('reads events whatever the chunks cut through: mid-line, mid-field, between "\\r" and "\\n"', () => {
    const whole = `${queued}event: heartbeat\r\ndata: {}\r\n\r\n`;
    const expected = [
      { event: 'queue', data: '{"type":"comment.queued","commentId":"c1"}' },
      { event: 'heartbeat', data: '{}' },
    ];
    expect(parse([whole])).toEqual(expected);
    expect(parse([...whole])).toEqual(expected);
    const carriageReturn = whole.indexOf('\r');
    expect(parse([whole.slice(0, carriageReturn + 1), whole.slice(carriageReturn + 1)])).toEqual(expected);
  });

  it('skips comments, joins data lines, names an unnamed event "message" and keeps an unfinished one', () => {
    expect(parse([': keep-alive\n\ndata: one\ndata: two\n\n', 'event: resync\ndata: {}'])).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });
});
