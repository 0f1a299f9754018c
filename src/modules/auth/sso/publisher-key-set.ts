import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import type { SsoJwksConfig } from '@/config/sso-config.js';
import { fetchAtMost, MAX_KEY_SET_BYTES } from './bounded-fetch.js';
import { PublisherKeysUnavailableError } from './sso.errors.js';

/**
 * The publisher's public keys, fetched from its JWKS URL by jose and kept for the cache's max age.
 * A token whose `kid` is not in the set fetches the set again, but at most once per cooldown (that is
 * how a new key arrives during a rotation). A fetch that fails is not retried within the cooldown
 * either: jose would try again on the very next request, so an outage, or someone sending tokens
 * with made-up `kid`s while it lasts, would have us call the publisher once per request. Meanwhile
 * the keys already held keep working for as long as they are fresh.
 */
export class PublisherKeySet {
  private readonly remote: ReturnType<typeof createRemoteJWKSet>;
  private readonly cooldownMs: number;
  private retryAt = 0;
  /** The last keys fetched, for use while no fetch may be made. */
  private heldKeys: JWTVerifyGetKey | undefined;

  constructor(settings: SsoJwksConfig) {
    this.cooldownMs = settings.cooldownSeconds * 1000;
    this.remote = createRemoteJWKSet(new URL(settings.url), {
      cacheMaxAge: settings.cacheMaxAgeSeconds * 1000,
      cooldownDuration: this.cooldownMs,
      timeoutDuration: settings.timeoutMs,
      [customFetch]: (url, init) => fetchAtMost(MAX_KEY_SET_BYTES, url, init),
    });
  }

  /**
   * jose's jwtVerify against these keys. When several keys fit a token that names no `kid` (two keys
   * of one type during a rotation), each is tried, as jose's documentation suggests.
   */
  async verify(token: string, options: JWTVerifyOptions): Promise<JWTPayload> {
    try {
      return (await jwtVerify(token, this.getKey, options)).payload;
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSMultipleMatchingKeys)) throw error;
      for await (const key of error) {
        try {
          return (await jwtVerify(token, key, options)).payload;
        } catch (attempt) {
          if (!(attempt instanceof joseErrors.JWSSignatureVerificationFailed)) throw attempt;
        }
      }
      throw new joseErrors.JWSSignatureVerificationFailed();
    }
  }

  private readonly getKey: JWTVerifyGetKey = async (header, token) => {
    if (Date.now() < this.retryAt) {
      if (this.heldKeys && this.remote.fresh) return this.heldKeys(header, token);
      throw new PublisherKeysUnavailableError(this.secondsUntilRetry());
    }
    try {
      return await this.remote(header, token);
    } catch (error) {
      if (isAboutTheToken(error)) throw error;
      this.retryAt = Date.now() + this.cooldownMs;
      const held = this.remote.jwks();
      this.heldKeys = held ? createLocalJWKSet(held) : undefined;
      throw new PublisherKeysUnavailableError(this.secondsUntilRetry(), error);
    }
  };

  private secondsUntilRetry(): number {
    return Math.max(1, Math.ceil((this.retryAt - Date.now()) / 1000));
  }
}

/** The set was fetched, but no key in it (or more than one) fits this token's `alg` and `kid`. */
function isAboutTheToken(error: unknown): boolean {
  return error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys || error instanceof joseErrors.JOSENotSupported;
}
