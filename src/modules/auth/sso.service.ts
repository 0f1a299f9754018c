import { Inject, Injectable } from '@nestjs/common';
import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '@/common/errors/app-error.js';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { type IssuedSession, ROLES, type Role } from './auth.types.js';

/** Clock skew tolerated between the publisher's servers and ours. */
const CLOCK_SKEW_SECONDS = 60;
const MAX_CLAIM_LENGTH = 255;
const MAX_NAME_LENGTH = 80;

class SsoTokenInvalidError extends AppError {
  constructor(reason: string) {
    super('SSO_TOKEN_INVALID', `The login token from the publisher was refused: ${reason}.`);
  }
}

/**
 * Publisher SSO: the publisher's site signs a short-lived JWT (HS256 with SSO_SECRET) for its own
 * logged-in user, and trades it here for an access token. Every token id (`jti`) is accepted once.
 */
@Injectable()
export class SsoService {
  private readonly key: Uint8Array | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: AuthRepository,
    private readonly auth: AuthService,
  ) {
    this.key = config.sso.secret ? new TextEncoder().encode(config.sso.secret) : undefined;
  }

  async logIn(token: string): Promise<IssuedSession> {
    if (!this.key) throw new SsoTokenInvalidError('publisher SSO is not configured on this service');
    const claims = await this.verify(token, this.key);
    if (!(await this.repository.claimSsoTokenId(claims.jti, new Date(claims.exp * 1000)))) {
      throw new SsoTokenInvalidError('this token was already used');
    }
    return this.auth.logIn({
      provider: 'sso',
      subject: claims.sub,
      displayName: claims.name,
      email: claims.email,
      // Only when the publisher says it checked the address: an unchecked one must never link accounts.
      emailVerified: claims.email !== undefined && claims.emailVerified,
      role: this.config.sso.trustRole ? claims.role : undefined,
    });
  }

  private async verify(token: string, key: Uint8Array): Promise<SsoClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'jti', 'exp'],
        clockTolerance: CLOCK_SKEW_SECONDS,
      }));
    } catch (error) {
      throw new SsoTokenInvalidError(describeJoseError(error));
    }
    return readClaims(payload);
  }
}

interface SsoClaims {
  sub: string;
  jti: string;
  exp: number;
  name: string;
  email: string | undefined;
  emailVerified: boolean;
  role: Role | undefined;
}

function readClaims(payload: JWTPayload): SsoClaims {
  const { sub, jti, exp, iat, name, email, email_verified: emailVerified, role } = payload as JWTPayload & Record<string, unknown>;
  const nowSeconds = Date.now() / 1000;
  if (typeof iat === 'number' && iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new SsoTokenInvalidError('"iat" is in the future');
  // The token id is kept until the expiry, which must be a date (jose only checks it is a number in the future).
  if (Number.isNaN(new Date(exp! * 1000).getTime())) throw new SsoTokenInvalidError('"exp" is past any date a clock can hold');
  if (!isShortText(sub)) throw new SsoTokenInvalidError('"sub" must be a non-empty string');
  if (!isShortText(jti)) throw new SsoTokenInvalidError('"jti" must be a non-empty string');
  if (name !== undefined && typeof name !== 'string') throw new SsoTokenInvalidError('"name" must be a string');
  if (email !== undefined && typeof email !== 'string') throw new SsoTokenInvalidError('"email" must be a string');
  if (role !== undefined && !ROLES.includes(role as Role)) throw new SsoTokenInvalidError(`"role" must be one of ${ROLES.join(', ')}`);
  const displayName = (typeof name === 'string' ? name.trim() : '').slice(0, MAX_NAME_LENGTH) || `Reader ${sub.slice(0, 8)}`;
  return { sub, jti, exp: exp!, name: displayName, email, emailVerified: emailVerified === true, role: role as Role | undefined };
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_CLAIM_LENGTH;
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not match';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its "alg" is not allowed (HS256 only)';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" ${error.reason === 'missing' ? 'is missing' : 'is invalid'}`;
  if (error instanceof joseErrors.JOSEError) return 'it is not a valid signed JWT';
  return 'it could not be read';
}
