import { isMessageOfType, type PopupLoginFailedMessage, type PopupLoginMessage } from '@widget/protocol.js';
import { ApiError } from '../api/api-error.js';
import type { SessionView } from '@/contract/auth.js';

const POPUP_FEATURES = 'popup,width=480,height=640';
const CLOSED_CHECK_MS = 500;

/**
 * Opens an OAuth2/OIDC provider's login in a popup (`loginUrl?origin=<this page's origin>`, the
 * origin the service will post the session to) and waits for the service's callback page to post
 * `{ type: 'comment-desk:login', accessToken, expiresAt, user }`, or `comment-desk:login-failed`.
 * Only a message from the service's own origin (this page's: the widget frame and the moderator
 * page are both served by the service) and from that very popup is believed: any page can post
 * messages to this window. Must be called from a click, or browsers block the popup.
 */
export function loginInPopup(loginUrl: string): Promise<SessionView> {
  const url = new URL(loginUrl, location.origin);
  if (url.origin !== location.origin) return Promise.reject(new ApiError('INTERNAL', 'A login URL must be on the service.'));
  url.searchParams.set('origin', location.origin);
  const popup = window.open(url.href, 'comment-desk-login', POPUP_FEATURES);
  if (!popup) return Promise.reject(new ApiError('POPUP_BLOCKED', 'The login window was blocked.'));

  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent): void => {
      if (event.origin !== location.origin || event.source !== popup) return;
      if (isMessageOfType<PopupLoginFailedMessage>(event.data, 'comment-desk:login-failed')) {
        finish();
        popup.close();
        reject(new ApiError('LOGIN_FAILED', String(event.data.message ?? ''), { code: event.data.code }));
        return;
      }
      if (!isMessageOfType<PopupLoginMessage>(event.data, 'comment-desk:login') || typeof event.data.accessToken !== 'string') return;
      const { accessToken, expiresAt, user } = event.data;
      finish();
      popup.close();
      resolve({ accessToken, expiresAt, user: user as SessionView['user'] });
    };
    const closedCheck = window.setInterval(() => {
      if (!popup.closed) return;
      finish();
      reject(new ApiError('LOGIN_CANCELLED', 'The login window was closed.'));
    }, CLOSED_CHECK_MS);
    const finish = (): void => {
      window.removeEventListener('message', onMessage);
      window.clearInterval(closedCheck);
    };
    window.addEventListener('message', onMessage);
  });
}
