import { createHash } from 'node:crypto';
import { html, SafeHtml } from './html.js';

export type WidgetLang = 'ko' | 'en';

/** The document inside the widget's iframe: only the versioned bundles; the script reads its parameters from the URL. */
export function renderFramePage(lang: WidgetLang, versions: { script: string; styles: string }): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${lang === 'ko' ? '댓글' : 'Comments'}</title>
<link rel="stylesheet" href="/embed/frame.css?v=${versions.styles}">
<script src="/embed/frame.js?v=${versions.script}" defer></script>
</head>
<body><div id="comment-desk"></div></body>
</html>
`.value;
}

export type FrameRefusalReason = 'origin' | 'article';

/**
 * The one script of a refusal page: it tells the loader on the host page why, so the loader can say
 * so in the page's own language where the frame would be. The reason is no secret, so any parent
 * may hear it: the refusal is for pages the service does not know.
 */
const REFUSAL_SCRIPTS: Record<FrameRefusalReason, string> = {
  origin: refusalScript('origin'),
  article: refusalScript('article'),
};

function refusalScript(reason: FrameRefusalReason): string {
  return `parent.postMessage({type:"comment-desk:refused",reason:"${reason}"},"*")`;
}

/**
 * A refusal page may be framed by any page: it must show up where the widget would have, rather
 * than the browser's broken-frame box. It holds text and its one script (allowed by its hash) only.
 */
export function frameRefusalContentSecurityPolicy(reason: FrameRefusalReason): string {
  return REFUSAL_POLICIES[reason];
}

const REFUSAL_POLICIES: Record<FrameRefusalReason, string> = {
  origin: refusalPolicy('origin'),
  article: refusalPolicy('article'),
};

function refusalPolicy(reason: FrameRefusalReason): string {
  const hash = createHash('sha256').update(REFUSAL_SCRIPTS[reason]).digest('base64');
  return ["default-src 'none'", `script-src 'sha256-${hash}'`, "base-uri 'none'", "form-action 'none'", 'frame-ancestors *'].join('; ');
}

/** What a page that may not show the widget gets instead of it, in both languages. */
export function renderFrameRefusal(reason: FrameRefusalReason): string {
  const [en, ko] =
    reason === 'origin'
      ? ['This site is not allowed to show these comments.', '이 사이트에는 댓글을 표시할 수 없습니다.']
      : ['These comments cannot be shown: the article id is not valid.', '기사 id가 올바르지 않아 댓글을 표시할 수 없습니다.'];
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Comments unavailable</title></head>
<body><p>${en}</p><p lang="ko">${ko}</p><script>${new SafeHtml(REFUSAL_SCRIPTS[reason])}</script></body>
</html>
`.value;
}
