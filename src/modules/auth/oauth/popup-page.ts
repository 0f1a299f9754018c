import { randomBytes } from 'node:crypto';
import type { IssuedSession } from '../auth.types.js';

// The popup login protocol, as the widget's frame (or any allowed opener) receives it:
//   success: { type: 'comment-desk:login', accessToken, expiresAt, user }
//   failure: { type: 'comment-desk:login-failed', code, message }
// posted with window.opener.postMessage(message, <the opener origin validated at the start>).
export const LOGIN_MESSAGE = 'comment-desk:login';
export const LOGIN_FAILED_MESSAGE = 'comment-desk:login-failed';

export interface PopupPage {
  html: string;
  headers: Record<string, string>;
}

export interface PopupFailure {
  code: string;
  message: string;
}

/** The callback's answer after a login: hands the session to the opener, then closes. */
export function loginSucceededPage(session: IssuedSession, openerOrigin: string): PopupPage {
  const message = { type: LOGIN_MESSAGE, accessToken: session.accessToken, expiresAt: session.expiresAt, user: session.user };
  return page({
    title: 'Logged in',
    lines: [`Logged in as ${session.user.displayName}.`, '로그인되었습니다. 이 창은 곧 닫힙니다.'],
    message,
    openerOrigin,
    closeAfterPosting: true,
  });
}

/**
 * A failed login, readable by the reader: it stays open (the widget closes it once told). The
 * opener is told only when its origin was validated (null when the login never got that far, e.g.
 * an origin that is not allowed).
 */
export function loginFailedPage(failure: PopupFailure, openerOrigin: string | null): PopupPage {
  return page({
    title: 'Login failed',
    lines: [failure.message, '로그인하지 못했습니다. 이 창을 닫고 다시 시도해 주세요.', `(${failure.code})`],
    message: { type: LOGIN_FAILED_MESSAGE, code: failure.code, message: failure.message },
    openerOrigin,
    closeAfterPosting: false,
  });
}

/**
 * The page closes itself a moment after posting, not at once: an opener that watches `popup.closed`
 * (to notice a reader closing the window) must see the message first.
 */
const CLOSE_DELAY_MS = 250;

function page(options: { title: string; lines: string[]; message: object; openerOrigin: string | null; closeAfterPosting: boolean }): PopupPage {
  const nonce = randomBytes(16).toString('base64');
  // Never "*": a message to an explicit origin is dropped by the browser unless the opener is
  // exactly that origin, so a foreign page that opened the popup receives nothing.
  const script = options.openerOrigin
    ? `(function () {
  var message = ${scriptJson(options.message)};
  var targetOrigin = ${scriptJson(options.openerOrigin)};
  if (window.opener && !window.opener.closed) {
    window.opener.postMessage(message, targetOrigin);${
      options.closeAfterPosting
        ? `
    setTimeout(function () { window.close(); }, ${CLOSE_DELAY_MS});`
        : ''
    }
  }
})();`
    : '';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)} · Comment Desk</title>
<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:28rem;padding:0 1rem;color:#222}h1{font-size:1.3rem}</style>
</head>
<body>
<main>
<h1>${escapeHtml(options.title)}</h1>
${options.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</main>
${script ? `<script nonce="${nonce}">${script}</script>` : ''}
</body>
</html>
`;
  return {
    html,
    headers: {
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      // The page carries an access token: never cached, never sent on as a Referer.
      'cache-control': 'no-store',
      pragma: 'no-cache',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is also safe inside an HTML <script> element: no `</script>`, `<!--` or line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
