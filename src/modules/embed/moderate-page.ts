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

/** What sets one staff page apart: its title, its bundles, and the element its app renders into. */
interface StaffPage {
  title: Record<ModeratePageLang, string>;
  styles: string;
  script: string;
  root: string;
  needsScript: Record<ModeratePageLang, string>;
}

const DESK_PAGE: StaffPage = {
  title: { ko: '댓글 운영 데스크 · Comment Desk', en: 'Moderation desk · Comment Desk' },
  styles: '/moderate/moderate.css',
  script: '/moderate/moderate.js',
  root: 'moderate-desk',
  needsScript: { ko: '운영 데스크는 자바스크립트가 있어야 동작합니다.', en: 'The moderation desk needs JavaScript.' },
};

/** The console's styles include the desk's. */
const CONSOLE_PAGE: StaffPage = {
  title: { ko: '관리자 콘솔 · Comment Desk', en: 'Admin console · Comment Desk' },
  styles: '/moderate/admin/admin.css',
  script: '/moderate/admin/admin.js',
  root: 'admin-console',
  needsScript: { ko: '관리자 콘솔은 자바스크립트가 있어야 동작합니다.', en: 'The admin console needs JavaScript.' },
};

/** The moderator page's document: only the versioned bundles; the app reads its state from the URL. */
export function renderModeratePage(lang: ModeratePageLang, versions: { script: string; styles: string }): string {
  return renderStaffPage(DESK_PAGE, lang, versions);
}

/** The admin console's document, made like the desk's. */
export function renderAdminPage(lang: ModeratePageLang, versions: { script: string; styles: string }): string {
  return renderStaffPage(CONSOLE_PAGE, lang, versions);
}

function renderStaffPage(page: StaffPage, lang: ModeratePageLang, versions: { script: string; styles: string }): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title[lang]}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${page.styles}?v=${versions.styles}">
<script src="${page.script}?v=${versions.script}" defer></script>
</head>
<body><div id="${page.root}"><noscript>${page.needsScript[lang]}</noscript></div></body>
</html>
`.value;
}
