import { ValidationFailedError } from '@/common/errors/app-error.js';
import type { AppConfig } from '@/config/config.js';

/**
 * The origin the login popup will post the access token to, checked when the login starts.
 * Only the service itself (the widget's frame, PUBLIC_URL) and the ALLOWED_ORIGINS may receive a
 * token: anything else would hand a reader's token to whichever page opened the popup. Without
 * `origin`, the opener is taken to be the widget frame on the service's own origin.
 */
export function allowedOpenerOrigin(requested: unknown, config: Pick<AppConfig, 'publicUrl' | 'allowedOrigins'>): string {
  if (requested === undefined || requested === '') return config.publicUrl;
  if (typeof requested !== 'string' || requested.length > 2048) throw invalidOrigin();
  let origin: string;
  try {
    origin = new URL(requested).origin;
  } catch {
    throw invalidOrigin();
  }
  // Exactly an origin: no path, query, credentials or a trailing slash that would hide one.
  if (origin !== requested) throw invalidOrigin();
  if (origin !== config.publicUrl && !config.allowedOrigins.includes(origin)) {
    throw new ValidationFailedError('This page may not log in to the comments: its origin is not allowed.', { origin });
  }
  return origin;
}

function invalidOrigin(): ValidationFailedError {
  return new ValidationFailedError('"origin" must be the origin of the page opening the login, like https://news.example.com.');
}
