/** Every error code of the public contract. */
export const CONTRACT_ERROR_CODES = [
  'VALIDATION_FAILED',
  'AUTH_REQUIRED',
  'SSO_TOKEN_INVALID',
  'FORBIDDEN',
  'USER_BANNED',
  'ARTICLE_CLOSED',
  'NOT_FOUND',
  'ALREADY_DECIDED',
  'COMMENT_DECIDED',
  'CANNOT_FEATURE',
  'EDIT_WINDOW_CLOSED',
  'REQUEST_IN_PROGRESS',
  'PAYLOAD_TOO_LARGE',
  'COMMENT_EMPTY',
  'COMMENT_TOO_LONG',
  'IDEMPOTENCY_KEY_REUSED',
  'POLICY_REJECTED',
  'RATE_LIMITED',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
] as const;

/** What can go wrong in the browser before or instead of an answer from the service. */
export const CLIENT_ERROR_CODES = ['NETWORK', 'POPUP_BLOCKED', 'LOGIN_CANCELLED', 'LOGIN_FAILED', 'SSO_TOKEN_MISSING'] as const;

export type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[number];
export type WidgetErrorCode = ContractErrorCode | (typeof CLIENT_ERROR_CODES)[number];

export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly code: WidgetErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** The contract's `{ error: { code, message, details } }` body as an ApiError; an unknown code counts as INTERNAL. */
export function apiErrorFromResponse(status: number, body: unknown, retryAfter: string | null): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const known = (CONTRACT_ERROR_CODES as readonly string[]).includes(String(error?.code));
  const code = known ? (error!.code as ContractErrorCode) : status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  const details = typeof error?.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  return new ApiError(code, typeof error?.message === 'string' ? error.message : `HTTP ${status}`, details, seconds);
}
