import { selfOnlyContentSecurityPolicy } from './embedding-policy.js';
import { html } from './html.js';

export type ModeratePageLang = 'ko' | 'en';

/**
 * The moderator page is never shown inside another site's frame, where a page could trick a
 * moderator into clicking.
 */
export const MODERATE_PAGE_CONTENT_SECURITY_POLICY = selfOnlyContentSecurityPolicy("'none'");

/** `?lang=ko|en`, else the browser's first language: Korean for any `ko*`. The page itself decides the same way. */
export function moderatePageLang(lang: unknown, acceptLanguage: string | undefined): ModeratePageLang {
  if (lang === 'ko' || lang === 'en') return lang;
  return acceptLanguage?.trim().toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** The moderator page's document: only the versioned bundles; the app reads its state from the URL. */
export function renderModeratePage(lang: ModeratePageLang, versions: { script: string; styles: string }): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${lang === 'ko' ? '댓글 운영 데스크 · Comment Desk' : 'Moderation desk · Comment Desk'}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/moderate/moderate.css?v=${versions.styles}">
<script src="/moderate/moderate.js?v=${versions.script}" defer></script>
</head>
<body><div id="moderate-desk"><noscript>${lang === 'ko' ? '운영 데스크는 자바스크립트가 있어야 동작합니다.' : 'The moderation desk needs JavaScript.'}</noscript></div></body>
</html>
`.value;
}

/** The admin console's document: like the desk's, with the console's bundles (its styles include the desk's). */
export function renderAdminPage(lang: ModeratePageLang, versions: { script: string; styles: string }): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${lang === 'ko' ? '관리자 콘솔 · Comment Desk' : 'Admin console · Comment Desk'}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/moderate/admin/admin.css?v=${versions.styles}">
<script src="/moderate/admin/admin.js?v=${versions.script}" defer></script>
</head>
<body><div id="admin-console"><noscript>${lang === 'ko' ? '관리자 콘솔은 자바스크립트가 있어야 동작합니다.' : 'The admin console needs JavaScript.'}</noscript></div></body>
</html>
`.value;
}
