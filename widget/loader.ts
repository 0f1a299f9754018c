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
}

const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="/embed.js"]');
if (script) start(new URL(script.src, location.href));

function start(scriptUrl: URL): void {
  const serviceOrigin = scriptUrl.origin;
  const frames: MountedFrame[] = [];

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== serviceOrigin) return;
    const frame = frames.find((candidate) => candidate.iframe.contentWindow === event.source);
    if (!frame) return;
    if (isMessageOfType<Extract<FrameToHostMessage, { type: 'comment-desk:height' }>>(event.data, 'comment-desk:height')) {
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
    const site = element.getAttribute('data-site');
    src.search = new URLSearchParams({ articleId, lang, origin: location.origin, ...(site ? { site } : {}) }).toString();
    const iframe = document.createElement('iframe');
    iframe.src = src.href;
    iframe.title = lang === 'ko' ? '댓글' : 'Comments';
    iframe.style.cssText = `display:block;width:100%;border:0;margin:0;padding:0;height:${INITIAL_HEIGHT}px`;
    frames.push({ iframe, ssoToken: element.getAttribute('data-sso-token') });
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
