import { type FrameToHostMessage, type HostToFrameMessage, isMessageOfType } from '../protocol.js';

/**
 * Talks to the loader on the embedding page: reports the widget's height so the page shows it
 * without an inner scroll bar, and receives the publisher's SSO token. Messages go only to the
 * host origin the service allowed, and only that origin's parent window is listened to.
 */
export function connectToHost(hostOrigin: string | null, content: HTMLElement, onSsoToken: (token: string) => void): () => void {
  if (!hostOrigin || window.parent === window) return () => {};
  const post = (message: FrameToHostMessage): void => window.parent.postMessage(message, hostOrigin);

  const onMessage = (event: MessageEvent): void => {
    if (event.origin !== hostOrigin || event.source !== window.parent) return;
    if (isMessageOfType<HostToFrameMessage>(event.data, 'comment-desk:sso-token') && typeof event.data.token === 'string') {
      onSsoToken(event.data.token);
    }
  };
  window.addEventListener('message', onMessage);

  let lastHeight = 0;
  const reportHeight = (): void => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post({ type: 'comment-desk:height', height });
  };
  const resizes = new ResizeObserver(reportHeight);
  resizes.observe(content);
  reportHeight();
  post({ type: 'comment-desk:ready' });

  return () => {
    window.removeEventListener('message', onMessage);
    resizes.disconnect();
  };
}
