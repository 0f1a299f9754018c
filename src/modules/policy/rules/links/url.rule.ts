import type { RuleFactory } from '@/modules/policy/engine/rule.js';
import { patternRule } from '../pattern-rule.js';

export const LINKS_URL = 'links.url';

// Top-level domains people actually link with in comments, including the shorteners' (naver.me, bit.ly,
// youtu.be). A closed list, so "e.g.", "U.S." and "Node.js" are not links.
const TLDS = [
  'com',
  'net',
  'org',
  'kr',
  'me',
  'io',
  'ly',
  'gl',
  'be',
  'info',
  'biz',
  'xyz',
  'site',
  'top',
  'shop',
  'app',
  'dev',
  'tv',
  'us',
  'uk',
  'jp',
  'cn',
  'ru',
  'link',
  'club',
  'online',
  'live',
  'news',
  'gg',
  'ai',
  'so',
  'cc',
  'co',
  'de',
  'fr',
  'pw',
  'tk',
  'ml',
  'ga',
  'cf',
  'click',
  'store',
  'tech',
  'blog',
  'page',
  'edu',
  'gov',
  'asia',
  'eu',
].join('|');
const HOST_LABEL = String.raw`[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?`;
const PATH = String.raw`(?:[/?#][^\s<>"']*)?`;
const URL_PATTERN = new RegExp(
  [
    String.raw`(?<![a-z0-9])https?:\/\/[^\s<>"']+`,
    String.raw`(?<![a-z0-9.\-])www\.[^\s<>"']+`,
    String.raw`(?<![a-z0-9@.\-])(?:${HOST_LABEL}\.)+(?:${TLDS})(?![a-z0-9\-])${PATH}`,
  ].join('|'),
  'gi',
);
// Every link has a dot followed by a letter (or a scheme); most comments have neither.
const LINK_HINT = /\.[a-z]|:\/\//i;

export function hostOf(link: string): string {
  const withoutScheme = link.replace(/^https?:\/\//i, '');
  const host = withoutScheme.split(/[/?#:]/, 1)[0] ?? '';
  return host.toLowerCase().replace(/\.$/, '');
}

export function isAllowedHost(host: string, allowedDomains: readonly string[]): boolean {
  return allowedDomains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

export const linksUrlRule: RuleFactory = (definition) => {
  const { action, allowedDomains } = definition.links;
  if (action === 'allow') return null;
  return patternRule(definition, {
    id: LINKS_URL,
    action,
    pattern: URL_PATTERN,
    mayContain: (text) => LINK_HINT.test(text),
    accept: (m) => !isAllowedHost(hostOf(m[0]), allowedDomains),
    messages:
      action === 'hold'
        ? { en: 'Your comment contains a link; links are checked before they appear.', ko: '링크가 포함되어 있어 확인 후 게시됩니다.' }
        : { en: 'Links to other sites are not allowed in comments.', ko: '댓글에는 다른 사이트 링크를 넣을 수 없습니다.' },
  });
};
