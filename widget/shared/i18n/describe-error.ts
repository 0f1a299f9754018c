import { ApiError, type WidgetErrorCode } from '../api/api-error.js';
import type { Lang } from '../lang.js';
import type { ErrorMessages } from './error-messages.js';

/** A Standards Board reason, as the policy words it in both languages. */
export interface WordedReason {
  message: string;
  messageKo?: string;
  /** What matched, as the author wrote it (personal data masked); sent to the author only. */
  match?: { text: string };
}

/** Anything that carries the error messages: the widget's and the moderator page's word lists. */
export interface WithErrorMessages {
  errors: ErrorMessages;
}

export interface ErrorText {
  message: string;
  /** The Standards Board reasons, for POLICY_REJECTED. */
  reasons: string[];
}

/** A failure as the reader should read it, in their language; never the server's raw text. */
export function describeError(error: unknown, t: WithErrorMessages, lang: Lang): ErrorText {
  const apiError = error instanceof ApiError ? error : new ApiError('INTERNAL', String(error));
  const details = apiError.details;
  const message = messageFor(apiError.code, t, lang, apiError);
  const reasons = apiError.code === 'POLICY_REJECTED' && Array.isArray(details.reasons) ? reasonTexts(details.reasons as WordedReason[], lang) : [];
  return { message, reasons };
}

export function reasonTexts(reasons: WordedReason[], lang: Lang): string[] {
  return reasons
    .map((reason) => {
      const message = lang === 'ko' && reason.messageKo ? reason.messageKo : reason.message;
      // The words that made the rule fire, so the author knows what to change.
      const match = typeof reason.match?.text === 'string' && reason.match.text.trim() ? ` (“${reason.match.text.trim()}”)` : '';
      return message ? message + match : '';
    })
    .filter(Boolean);
}

function messageFor(code: WidgetErrorCode, t: WithErrorMessages, lang: Lang, error: ApiError): string {
  const errors = t.errors;
  switch (code) {
    case 'USER_BANNED':
      return errors.USER_BANNED(formatUntil(error.details.until, lang));
    case 'COMMENT_TOO_LONG':
      return errors.COMMENT_TOO_LONG(Number(error.details.limit) || 250, Number(error.details.length) || 0);
    case 'RATE_LIMITED':
      return errors.RATE_LIMITED(error.retryAfterSeconds ?? (Number(error.details.retryAfter) || null));
    case 'INTERNAL': {
      const errorId = error.details.errorId;
      return typeof errorId === 'string' ? `${errors.INTERNAL} (${errorId})` : errors.INTERNAL;
    }
    case 'VALIDATION_FAILED':
    case 'AUTH_REQUIRED':
    case 'SSO_TOKEN_INVALID':
    case 'FORBIDDEN':
    case 'ARTICLE_CLOSED':
    case 'NOT_FOUND':
    case 'ALREADY_DECIDED':
    case 'COMMENT_DECIDED':
    case 'CANNOT_FEATURE':
    case 'EDIT_WINDOW_CLOSED':
    case 'REQUEST_IN_PROGRESS':
    case 'PAYLOAD_TOO_LARGE':
    case 'COMMENT_EMPTY':
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'POLICY_REJECTED':
    case 'SERVICE_UNAVAILABLE':
    case 'NETWORK':
    case 'POPUP_BLOCKED':
    case 'LOGIN_CANCELLED':
    case 'LOGIN_FAILED':
    case 'SSO_TOKEN_MISSING':
      return errors[code];
  }
}

/** An end time in the reader's own time zone, named, so "until 18:00" cannot be misread. */
export function formatUntil(until: unknown, lang: Lang): string | null {
  if (typeof until !== 'string') return null;
  const date = new Date(until);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(
    date,
  );
}
