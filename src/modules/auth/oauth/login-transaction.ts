import { hkdfSync, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { isLoginProviderId, type LoginProviderId } from '../strategies/login-provider.js';

/** Long enough to log in at a provider (two-factor included), short enough to be worthless later. */
export const LOGIN_TRANSACTION_TTL_SECONDS = 600;

const KEY_INFO = 'comment-desk login transaction v1';
const AUDIENCE = 'comment-desk:login-transaction';

/** One login in progress, from the popup's first request to the provider's callback. */
export interface LoginTransaction {
  /** Accepted once at the callback. */
  id: string;
  provider: LoginProviderId;
  /** The validated origin of the page that opened the popup: the only target the token is posted to. */
  openerOrigin: string;
  /** The strategy's state, PKCE verifier and nonce. */
  strategyState: Record<string, unknown>;
  expiresAt: Date;
}

/**
 * Keeps a login transaction in a cookie of the service's own origin instead of a server-side
 * session: any instance can finish a login another started, and nothing is stored for readers who
 * never come back. The cookie is a JWE (`dir`, A256GCM): encrypted, so the PKCE verifier and nonce
 * stay secret, and authenticated, so it cannot be altered or forged. The key is derived from
 * SESSION_SECRET with HKDF, so that secret is never used directly for anything else.
 */
@Injectable()
export class LoginTransactionSealer {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'sessionSecret'>) {
    this.key = new Uint8Array(hkdfSync('sha256', config.sessionSecret.value, new Uint8Array(0), KEY_INFO, 32));
  }

  begin(provider: LoginProviderId, openerOrigin: string, strategyState: Record<string, unknown>, now = new Date()): LoginTransaction {
    return { id: randomUUID(), provider, openerOrigin, strategyState, expiresAt: new Date(now.getTime() + LOGIN_TRANSACTION_TTL_SECONDS * 1000) };
  }

  async seal(transaction: LoginTransaction): Promise<string> {
    return new EncryptJWT({ provider: transaction.provider, opener: transaction.openerOrigin, state: transaction.strategyState })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setJti(transaction.id)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(transaction.expiresAt.getTime() / 1000))
      .encrypt(this.key);
  }

  /** The transaction, or null when the cookie is missing, altered, expired or for another provider. */
  async open(sealed: string | undefined, provider: LoginProviderId, now = new Date()): Promise<LoginTransaction | null> {
    if (!sealed) return null;
    try {
      const { payload } = await jwtDecrypt(sealed, this.key, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        audience: AUDIENCE,
        requiredClaims: ['jti', 'exp'],
        currentDate: now,
      });
      const { jti, exp, provider: sealedFor, opener, state } = payload;
      if (typeof sealedFor !== 'string' || sealedFor !== provider || !isLoginProviderId(sealedFor)) return null;
      if (typeof jti !== 'string' || typeof exp !== 'number' || typeof opener !== 'string') return null;
      if (!state || typeof state !== 'object' || Array.isArray(state)) return null;
      return { id: jti, provider: sealedFor, openerOrigin: opener, strategyState: state as Record<string, unknown>, expiresAt: new Date(exp * 1000) };
    } catch {
      return null;
    }
  }
}
