/** Every error code the API answers with (the public contract's and the additions), with its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  AUTH_REQUIRED: 401,
  SSO_TOKEN_INVALID: 401,
  FORBIDDEN: 403,
  USER_BANNED: 403,
  ARTICLE_CLOSED: 403,
  ARTICLE_MEMORIAL: 403,
  EDIT_WINDOW_CLOSED: 403,
  NOT_FOUND: 404,
  ALREADY_DECIDED: 409,
  COMMENT_DECIDED: 409,
  CANNOT_FEATURE: 409,
  REQUEST_IN_PROGRESS: 409,
  POLICY_VERSION_CONFLICT: 409,
  SITE_EXISTS: 409,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  COMMENT_EMPTY: 422,
  COMMENT_TOO_LONG: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  POLICY_REJECTED: 422,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * A failure the client can act on. Services throw these (or the named subclasses below); the one
 * exception filter turns them into the contract's `{ error: { code, message, details } }` envelope.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.status = ERROR_STATUS[code];
  }
}

export class ValidationFailedError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('VALIDATION_FAILED', message, details);
  }
}

export class AuthRequiredError extends AppError {
  constructor(message = 'Log in to do this.') {
    super('AUTH_REQUIRED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your account is not allowed to do this.') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} was not found.`);
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(
      'RATE_LIMITED',
      `Too many requests; try again in ${seconds} s.`,
      { retryAfter: seconds },
      {
        'retry-after': String(seconds),
      },
    );
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'The database cannot be reached; try again shortly.', retryAfterSeconds = 5) {
    super('SERVICE_UNAVAILABLE', message, {}, { 'retry-after': String(retryAfterSeconds) });
  }
}

export class UserBannedError extends AppError {
  constructor(until: Date | null) {
    super('USER_BANNED', until ? `Your account is suspended until ${until.toISOString()}.` : 'Your account is banned from writing.', {
      until: until ? until.toISOString() : null,
    });
  }
}
