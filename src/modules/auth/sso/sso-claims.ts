import type { JWTPayload } from 'jose';
import { isStorableText } from '@/common/validation/storable.js';
import { ROLES, type Role, type SiteRole } from '../auth.types.js';
import { cleanDisplayName } from '../strategies/profile-fields.js';
import { SsoTokenInvalidError } from './sso.errors.js';

const MAX_CLAIM_LENGTH = 255;

/** What a verified publisher token says about its reader. */
export interface SsoClaims {
  sub: string;
  jti: string;
  exp: number;
  name: string;
  email: string | undefined;
  emailVerified: boolean;
  role: Role | undefined;
}

/** Reads the claims of a payload whose signature, `exp`, `iss` and `aud` jose has already checked. */
export function readClaims(payload: JWTPayload, clockToleranceSeconds: number): SsoClaims {
  const { sub, jti, exp, iat, name, email, email_verified: emailVerified, role } = payload as JWTPayload & Record<string, unknown>;
  const nowSeconds = Date.now() / 1000;
  if (typeof iat === 'number' && iat > nowSeconds + clockToleranceSeconds) throw new SsoTokenInvalidError('"iat" is in the future');
  // The token id is kept until the expiry, which must be a date (jose only checks it is a number in the future).
  if (Number.isNaN(new Date(exp! * 1000).getTime())) throw new SsoTokenInvalidError('"exp" is past any date a clock can hold');
  if (!isShortText(sub)) throw new SsoTokenInvalidError('"sub" must be a non-empty string');
  if (!isShortText(jti)) throw new SsoTokenInvalidError('"jti" must be a non-empty string');
  if (name !== undefined && typeof name !== 'string') throw new SsoTokenInvalidError('"name" must be a string');
  if (email !== undefined && typeof email !== 'string') throw new SsoTokenInvalidError('"email" must be a string');
  // Ids and addresses are used as they are, or not at all: made storable, two could become one.
  for (const [claim, value] of [
    ['sub', sub],
    ['jti', jti],
    ['email', email],
  ] as const) {
    if (value !== undefined && !isStorableText(value)) throw new SsoTokenInvalidError(`"${claim}" must not contain U+0000 or an unpaired surrogate`);
  }
  if (role !== undefined && role !== 'operator' && !ROLES.includes(role as SiteRole)) {
    throw new SsoTokenInvalidError(`"role" must be one of ${ROLES.join(', ')}`);
  }
  // The name is shown, not matched: what cannot be stored of it is dropped, as for every provider.
  const displayName = (typeof name === 'string' ? cleanDisplayName(name) : '') || `Reader ${Array.from(sub).slice(0, 8).join('')}`;
  return { sub, jti, exp: exp!, name: displayName, email, emailVerified: emailVerified === true, role: role as Role | undefined };
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_CLAIM_LENGTH;
}
