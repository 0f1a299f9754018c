import { createHash } from 'node:crypto';
import { html, SafeHtml } from './html.js';

// The look of the service's own pages (the demo article and the policy): a plain news page.
const PAGE_STYLE = `
:root { color-scheme: light; }
body { margin: 0; color: #1b1b1b; background: #fff; font: 17px/1.65 Georgia, 'Times New Roman', 'Noto Serif KR', 'Apple SD Gothic Neo', serif; }
a { color: #0a4fb5; }
:focus-visible { outline: 3px solid #0a4fb5; outline-offset: 2px; }
.wrap { max-width: 760px; margin: 0 auto; padding: 0 20px; }
.site-header { border-bottom: 3px solid #1b1b1b; margin-bottom: 28px; }
.site-header .wrap { display: flex; align-items: baseline; gap: 12px; padding-top: 14px; padding-bottom: 10px; }
.brand { font: 700 1.5rem/1.2 system-ui, sans-serif; letter-spacing: -0.02em; color: inherit; text-decoration: none; }
.tag { font: 600 0.8rem/1 system-ui, sans-serif; text-transform: uppercase; color: #555; }
.kicker { font: 600 0.85rem/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.04em; color: #8a1c1c; margin: 0 0 8px; }
h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 14px; }
h2 { font: 700 1.3rem/1.3 system-ui, sans-serif; margin: 32px 0 8px; }
h3 { font: 700 1.05rem/1.3 system-ui, sans-serif; margin: 22px 0 6px; }
.byline, .dateline { font: 0.92rem/1.5 system-ui, sans-serif; color: #555; margin: 0; }
.byline strong { color: #1b1b1b; }
.summary { margin: 24px 0; font-size: 1.1rem; }
.note { font: 0.85rem/1.5 system-ui, sans-serif; color: #555; border-top: 1px solid #d6d6d6; padding-top: 12px; }
.comments { margin: 40px 0; }
.languages { font: 0.9rem/1.5 system-ui, sans-serif; }
.policy section { border-top: 1px solid #d6d6d6; margin-top: 32px; }
.policy li { margin: 4px 0; }
footer { font: 0.85rem/1.5 system-ui, sans-serif; color: #555; border-top: 1px solid #d6d6d6; padding-top: 14px; padding-bottom: 40px; }
`;

// A constant, inserted as is: the CSP hash is of these exact characters.
const STYLE = new SafeHtml(PAGE_STYLE);
const STYLE_SOURCE = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

/** Scripts and frames only from this service; the one inline style allowed by its hash. */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src ${STYLE_SOURCE}`,
  "img-src 'self' data:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function renderPage(page: { lang: string; title: string; main: SafeHtml }): string {
  return html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header class="site-header"><div class="wrap"><a class="brand" href="/">Comment Desk</a><span class="tag">Demo</span></div></header>
<main class="wrap">
${page.main}
</main>
<footer class="wrap"><a href="/">Demo article</a> · <a href="/policy">Standards Board Policy</a> · <a href="/api/docs">API documentation</a></footer>
</body>
</html>
`.value;
}
