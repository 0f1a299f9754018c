import { AppError } from '@/common/errors/app-error.js';

/** A login at a provider that did not complete: denied, cancelled, forged, replayed or expired. */
export class LoginFailedError extends AppError {
  constructor(message = 'The login could not be completed. Close this window and try again.') {
    super('AUTH_REQUIRED', message);
  }
}

/**
 * Any error raised once the opener's origin is known (validated at the start, or read back from
 * the login transaction), so the failure page can tell the opener too.
 */
export class PopupLoginFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly openerOrigin: string,
  ) {
    super('popup login failed');
  }
}
