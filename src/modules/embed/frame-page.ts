import { html } from './html.js';

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

/** What a page that may not show the widget gets instead of it, in both languages. */
export function renderFrameRefusal(reason: 'origin' | 'article'): string {
  const [en, ko] =
    reason === 'origin'
      ? ['This site is not allowed to show these comments.', '이 사이트에는 댓글을 표시할 수 없습니다.']
      : ['These comments cannot be shown: the article id is not valid.', '기사 id가 올바르지 않아 댓글을 표시할 수 없습니다.'];
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Comments unavailable</title></head>
<body><p>${en}</p><p lang="ko">${ko}</p></body>
</html>
`.value;
}
