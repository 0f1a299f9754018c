import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { AppError } from '@/common/errors/app-error.js';
import type { SsoConfig } from '@/config/sso-config.js';
import { PublisherKeySet } from './publisher-key-set.js';
import { readClaims, type SsoClaims } from './sso-claims.js';
import { SsoTokenInvalidError } from './sso.errors.js';

const SECRET_ALGORITHMS = ['HS256'];
/** Signatures with a private key; jose refuses RSA keys under 2048 bits. */
const PUBLIC_KEY_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/**
 * Checks a publisher's SSO token for one site (each site has its own secret and keys). The token's `alg` picks one verifier and only that one: HS256
 * against SSO_SECRET, an asymmetric `alg` against the keys at SSO_JWKS_URL. Each verifier is also
 * pinned to its own algorithms, so a token can never have an HMAC checked with a public key's bytes
 * as the secret, nor reach the secret with another `alg` (algorithm confusion); `none` reaches neither.
 */
export class SsoTokenVerifier {
  private readonly secret: Uint8Array | undefined;
  private readonly publisherKeys: PublisherKeySet | undefined;
  private readonly claimChecks: JWTVerifyOptions;
  private readonly clockToleranceSeconds: number;

  constructor(settings: Omit<SsoConfig, 'trustRole'>) {
    const { secret, jwks, issuer, audience, clockToleranceSeconds } = settings;
    this.secret = secret ? new TextEncoder().encode(secret) : undefined;
    this.publisherKeys = jwks ? new PublisherKeySet(jwks) : undefined;
    this.clockToleranceSeconds = clockToleranceSeconds;
    this.claimChecks = {
      requiredClaims: ['sub', 'jti', 'exp'],
      clockTolerance: clockToleranceSeconds,
      ...(issuer !== undefined && { issuer }),
      ...(audience !== undefined && { audience }),
    };
  }

  get configured(): boolean {
    return this.secret !== undefined || this.publisherKeys !== undefined;
  }

  async verify(token: string): Promise<SsoClaims> {
    let payload: JWTPayload;
    try {
      payload = await this.verifySignatureAndTimes(token);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new SsoTokenInvalidError(describeJoseError(error));
    }
    return readClaims(payload, this.clockToleranceSeconds);
  }

  private async verifySignatureAndTimes(token: string): Promise<JWTPayload> {
    const alg = readAlgorithm(token);
    if (SECRET_ALGORITHMS.includes(alg) && this.secret) {
      return (await jwtVerify(token, this.secret, { ...this.claimChecks, algorithms: SECRET_ALGORITHMS })).payload;
    }
    if (PUBLIC_KEY_ALGORITHMS.includes(alg) && this.publisherKeys) {
      return this.publisherKeys.verify(token, { ...this.claimChecks, algorithms: PUBLIC_KEY_ALGORITHMS });
    }
    throw new SsoTokenInvalidError(`its "alg" is not accepted here (accepted: ${this.acceptedAlgorithms().join(', ')})`);
  }

  private acceptedAlgorithms(): string[] {
    return [...(this.secret ? SECRET_ALGORITHMS : []), ...(this.publisherKeys ? PUBLIC_KEY_ALGORITHMS : [])];
  }
}

function readAlgorithm(token: string): string {
  let alg: unknown;
  try {
    ({ alg } = decodeProtectedHeader(token));
  } catch {
    throw new SsoTokenInvalidError('it is not a valid signed JWT');
  }
  if (typeof alg !== 'string') throw new SsoTokenInvalidError('its header has no "alg"');
  return alg;
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not match';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its "alg" is not accepted here';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return `no key in the publisher's key set matches its "kid" and "alg"`;
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" ${error.reason === 'missing' ? 'is missing' : 'is invalid'}`;
  if (error instanceof joseErrors.JOSEError) return 'it is not a valid signed JWT';
  return 'it could not be read';
}
