// The postMessage protocol between the host page (loader.ts), the widget frame and the login popup.
// Every type starts with "comment-desk:" so a page's other message traffic is never taken for ours;
// every receiver also checks the sender's origin and window before it reads a message.

/**
 * Frame → host page. `refused` comes from the service's refusal page, shown instead of the widget to
 * a page that may not embed it (or with an article id that is not valid).
 */
export type FrameToHostMessage =
  { type: 'comment-desk:ready' } | { type: 'comment-desk:height'; height: number } | { type: 'comment-desk:refused'; reason: 'origin' | 'article' };

/** Host page → frame: the publisher's SSO token, never put in a URL where logs and referrers would keep it. */
export type HostToFrameMessage = { type: 'comment-desk:sso-token'; token: string };

/** Login popup (a page of the service itself) → frame. */
export interface PopupLoginMessage {
  type: 'comment-desk:login';
  accessToken: string;
  expiresAt: string;
  user: { id: string; displayName: string; provider: string; role: string; status: string; suspendedUntil: string | null };
}

/** Login popup → frame, when the provider or the service refused the login. */
export interface PopupLoginFailedMessage {
  type: 'comment-desk:login-failed';
  code: string;
  message: string;
}

export function isMessageOfType<T extends { type: string }>(data: unknown, type: T['type']): data is T {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type;
}
