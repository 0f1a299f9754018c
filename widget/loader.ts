// embed.js: finds every <div data-comments data-article-id="…"> on the publisher's page and, as it
// nears the viewport, puts the comment widget there in an iframe served by this service. The iframe
// keeps the page's CSS and scripts away from the widget and the reader's token away from the page.
// No dependencies: this file is the whole script, so keep it small.
import { type FrameToHostMessage, type HostToFrameMessage, isMessageOfType } from './protocol.js';

const MOUNTED = 'data-comments-mounted';
/** Start loading a little before the reader scrolls to the comments. */
const NEAR_VIEWPORT = '600px 0px';
const INITIAL_HEIGHT = 320;

interface MountedFrame {
  iframe: HTMLIFrameElement;
  ssoToken: string | null;
  lang: 'ko' | 'en';
}

/** What the page shows where the widget would be, when the service refuses to show it there. */
const REFUSALS = {
  origin: {
    ko: '이 사이트는 댓글 서비스에 등록되어 있지 않아 댓글을 표시할 수 없습니다.',
    en: 'Comments cannot be shown here: this site is not registered with the comment service.',
  },
  article: {
    ko: '기사 id가 올바르지 않아 댓글을 표시할 수 없습니다.',
    en: 'Comments cannot be shown here: the article id is not valid.',
  },
};

const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="/embed.js"]');
if (script) start(new URL(script.src, location.href));

function start(scriptUrl: URL): void {
  const serviceOrigin = scriptUrl.origin;
  const frames: MountedFrame[] = [];

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== serviceOrigin) return;
    const frame = frames.find((candidate) => candidate.iframe.contentWindow === event.source);
    if (!frame) return;
    if (isMessageOfType<Extract<FrameToHostMessage, { type: 'comment-desk:refused' }>>(event.data, 'comment-desk:refused')) {
      const texts = REFUSALS[event.data.reason === 'article' ? 'article' : 'origin'];
      const note = document.createElement('p');
      note.className = 'comment-desk-refused';
      note.setAttribute('role', 'note');
      note.lang = frame.lang;
      note.textContent = texts[frame.lang];
      note.style.cssText =
        'margin:1em 0;padding:.75em 1em;border:1px solid #c9c9c9;border-radius:4px;background:#f7f7f7;color:#333;font:14px/1.5 system-ui,sans-serif';
      frame.iframe.replaceWith(note);
    } else if (isMessageOfType<Extract<FrameToHostMessage, { type: 'comment-desk:height' }>>(event.data, 'comment-desk:height')) {
      const height = Number(event.data.height);
      if (Number.isFinite(height) && height > 0) frame.iframe.style.height = `${Math.ceil(height)}px`;
    } else if (isMessageOfType(event.data, 'comment-desk:ready') && frame.ssoToken) {
      const message: HostToFrameMessage = { type: 'comment-desk:sso-token', token: frame.ssoToken };
      // Handed over once: a publisher's SSO token may be used only once anyway.
      frame.ssoToken = null;
      frame.iframe.contentWindow?.postMessage(message, serviceOrigin);
    }
  });

  const mount = (element: HTMLElement): void => {
    const articleId = element.getAttribute('data-article-id');
    if (!articleId) return;
    const lang = widgetLanguage(element);
    const src = new URL('/embed/frame', scriptUrl);
    // Title and address register the article on its first load, when the service is set to (AUTO_CREATE_ARTICLES).
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    const title = element.getAttribute('data-article-title') || document.title;
    const url = new URL(element.getAttribute('data-article-url') || canonical || location.href, location.href);
    url.hash = '';
    const site = element.getAttribute('data-site');
    src.search = new URLSearchParams({ articleId, lang, origin: location.origin, title, url: url.href, ...(site ? { site } : {}) }).toString();
    const iframe = document.createElement('iframe');
    iframe.src = src.href;
    iframe.title = lang === 'ko' ? '댓글' : 'Comments';
    iframe.style.cssText = `display:block;width:100%;border:0;margin:0;padding:0;height:${INITIAL_HEIGHT}px`;
    frames.push({ iframe, ssoToken: element.getAttribute('data-sso-token'), lang });
    element.replaceChildren(iframe);
  };

  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              observer?.unobserve(entry.target);
              mount(entry.target as HTMLElement);
            }
          },
          { rootMargin: NEAR_VIEWPORT },
        )
      : null;

  const scan = (): void => {
    for (const element of document.querySelectorAll<HTMLElement>(`[data-comments]:not([${MOUNTED}])`)) {
      // Marked at once, so a second copy of this script on the page does not mount it twice.
      element.setAttribute(MOUNTED, '');
      if (observer) observer.observe(element);
      else mount(element);
    }
  };
  scan();
  // An async script can run before the rest of the page is parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
}

function widgetLanguage(element: HTMLElement): 'ko' | 'en' {
  const lang = element.getAttribute('data-lang') || document.documentElement.lang || navigator.language || '';
  return lang.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
