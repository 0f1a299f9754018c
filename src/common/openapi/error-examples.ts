import type { ErrorCode } from '@/common/errors/app-error.js';

export interface ErrorExample {
  /** When an operation answers it. */
  when: string;
  message: string;
  details?: Record<string, unknown>;
}

/** One example answer per error code, for the OpenAPI document; a new code does not compile without one. */
export const ERROR_EXAMPLES: Record<ErrorCode, ErrorExample> = {
  VALIDATION_FAILED: {
    when: 'malformed JSON, a wrong type, an unknown field or enum value, a missing field, a bad path or query parameter',
    message: 'body: Invalid input: expected string, received undefined',
    details: { issues: [{ path: ['body'], message: 'Invalid input: expected string, received undefined' }] },
  },
  AUTH_REQUIRED: { when: 'no bearer token, or one that is unknown, expired or revoked', message: 'Log in to do this.' },
  SSO_TOKEN_INVALID: {
    when: 'the publisher token has a bad signature, an algorithm not allowed, is expired or replayed, or lacks sub, jti or exp',
    message: 'The login token from the publisher was refused: the token has expired.',
  },
  FORBIDDEN: { when: 'logged in, but the role (or authorship) does not allow it', message: 'Your account is not allowed to do this.' },
  USER_BANNED: {
    when: 'a banned or suspended user tries to write; details.until is when it ends, null for a ban',
    message: 'Your account is suspended until 2030-01-01T00:00:00.000Z.',
    details: { until: '2030-01-01T00:00:00.000Z' },
  },
  ARTICLE_MEMORIAL: {
    when: 'a like or a reply under an article in memorial mode',
    message: 'This article is in memorial mode: likes and replies are off.',
  },
  ARTICLE_CLOSED: { when: 'the article takes no new comments', message: 'Comments on this article are closed.' },
  EDIT_WINDOW_CLOSED: {
    when: 'the edit window (COMMENT_EDIT_WINDOW) after posting has passed',
    message: 'A comment can be edited for 300 seconds after it is posted.',
    details: { windowSeconds: 300, closedAt: '2026-12-01T09:05:00.000Z' },
  },
  NOT_FOUND: { when: 'no such article, comment, user or provider (or one the caller may not see)', message: 'The comment was not found.' },
  ALREADY_DECIDED: {
    when: 'another moderator decided the comment the other way since it was loaded',
    message: 'Another moderator already decided this comment (it is now rejected).',
    details: { status: 'rejected' },
  },
  SITE_EXISTS: { when: 'a site with that id already exists', message: 'A site with this id already exists.' },
  CANNOT_FEATURE: {
    when: 'the comment to feature is a reply, or is not published',
    message: 'Only a published comment that starts a thread can be featured.',
  },
  COMMENT_DECIDED: {
    when: 'a moderator has decided the comment, so its author can no longer edit it',
    message: 'A moderator has decided this comment; it can no longer be edited.',
    details: { status: 'published' },
  },
  REQUEST_IN_PROGRESS: {
    when: 'a request with the same Idempotency-Key is still being processed',
    message: 'A request with this Idempotency-Key is still being processed; retry shortly.',
  },
  POLICY_VERSION_CONFLICT: {
    when: 'the policy version sent is not the one in force plus one',
    message: 'The policy is at version 3; an edit must be version 4. Reload and edit again.',
    details: { currentVersion: 3 },
  },
  REQUEST_TIMEOUT: { when: 'the request did not arrive in time', message: 'The request took too long to arrive.' },
  PAYLOAD_TOO_LARGE: { when: 'the body is over 16 KiB', message: 'The request body is over the 16 KiB limit.' },
  URI_TOO_LONG: { when: 'a part of the address is over 256 characters', message: 'A part of the address is over 256 characters.' },
  UNSUPPORTED_MEDIA_TYPE: { when: 'the body is not application/json', message: 'Send the body as application/json.' },
  COMMENT_EMPTY: { when: 'the text is empty after normalisation', message: 'Write something before posting.' },
  COMMENT_TOO_LONG: {
    when: 'the text is over 250 graphemes after normalisation',
    message: 'A comment is at most 250 characters; this one has 251.',
    details: { limit: 250, length: 251 },
  },
  IDEMPOTENCY_KEY_REUSED: {
    when: 'the same Idempotency-Key came with a different request body',
    message: 'This Idempotency-Key was already used for a different request.',
  },
  POLICY_REJECTED: {
    when: 'the Standards Board policy rejects the text; details.reasons as in a verdict',
    message: 'The Standards Board policy does not allow this comment.',
    details: {
      reasons: [{ rule: 'personal.rrn', message: 'Resident registration numbers may not be posted.', messageKo: '주민등록번호는 게시할 수 없습니다.' }],
    },
  },
  RATE_LIMITED: {
    when: 'too many requests in the window; the Retry-After header says how many seconds to wait',
    message: 'Too many requests; try again in 13 s.',
    details: { retryAfter: 13 },
  },
  HEADERS_TOO_LARGE: { when: 'the request line and headers are over 16 KiB', message: 'The request line and headers are over 16 KiB.' },
  INTERNAL: {
    when: 'an unexpected fault; details.errorId is in the server log line',
    message: 'Something went wrong on our side.',
    details: { errorId: '0b6f5c1e-3d0a-4f49-9a8e-2f4b8c1d7e90' },
  },
  SERVICE_UNAVAILABLE: {
    when: 'the database (or a login provider) cannot be reached, or the instance is shutting down; with Retry-After',
    message: 'The database cannot be reached; try again shortly.',
  },
};
