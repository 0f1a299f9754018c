import { AppError, ServiceUnavailableError } from '@/common/errors/app-error.js';

export class SsoTokenInvalidError extends AppError {
  constructor(reason: string) {
    super('SSO_TOKEN_INVALID', `The login token from the publisher was refused: ${reason}.`);
  }
}

/**
 * The publisher's key set could not be fetched (down, slow, not a key set). The token itself may be
 * fine and is not spent, so the publisher's page can send the same one again after Retry-After.
 */
export class PublisherKeysUnavailableError extends ServiceUnavailableError {
  constructor(retryAfterSeconds: number, cause?: unknown) {
    super(`The publisher's signing keys cannot be fetched right now; try again in ${retryAfterSeconds} s.`, retryAfterSeconds);
    this.cause = cause;
  }
}
