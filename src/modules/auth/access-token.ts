import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'cd_';

/**
 * Opaque bearer tokens: 256 random bits. Only their SHA-256 is stored, so a leaked sessions table
 * holds no usable token, and lookup by hash needs no constant-time comparison.
 */
export function newAccessToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashAccessToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function looksLikeAccessToken(token: string): boolean {
  return token.startsWith(PREFIX) && token.length === PREFIX.length + 43;
}
