import { hkdfSync } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { MailLocale } from './mail/mail-templates.js';
import type { MailKind } from './outbox/outbox-queue.js';

export type UnsubscribeScope = MailKind | 'all';
export type LinkClaims =
  /** `locale`: the mail's language, for the page the link opens (absent in links of older mail). */
  { purpose: 'unsubscribe'; userId: string; scope: UnsubscribeScope; locale?: MailLocale } | { purpose: 'confirm-email'; userId: string; email: string };

const ISSUER = 'comment-desk:mail';
const CONFIRMATION_SECONDS = 3 * 24 * 3600;
const UNSUBSCRIBE_SECONDS = 365 * 24 * 3600;

/**
 * Links in mail that act without a login: unsubscribing and confirming an address. Each is a JWT
 * (HS256, jose) under a key derived from SESSION_SECRET for this use only, so a link works on every
 * instance that shares the secret, and no one else can make one.
 */
@Injectable()
export class SignedLinks {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = new Uint8Array(hkdfSync('sha256', config.sessionSecret.value, 'comment-desk', 'mail links', 32));
  }

  unsubscribeUrl(userId: string, scope: UnsubscribeScope, locale: MailLocale): Promise<string> {
    return this.url('/unsubscribe', { purpose: 'unsubscribe', userId, scope, locale }, UNSUBSCRIBE_SECONDS);
  }

  confirmEmailUrl(userId: string, email: string): Promise<string> {
    return this.url('/notifications/confirm-email', { purpose: 'confirm-email', userId, email }, CONFIRMATION_SECONDS);
  }

  /** The link's claims, or null for a token that is forged, expired or meant for another purpose. */
  async verify<P extends LinkClaims['purpose']>(token: string, purpose: P): Promise<Extract<LinkClaims, { purpose: P }> | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const claims = payload.link as LinkClaims | undefined;
      if (!claims || claims.purpose !== purpose || payload.sub !== claims.userId) return null;
      return claims as Extract<LinkClaims, { purpose: P }>;
    } catch {
      return null;
    }
  }

  private async url(path: string, claims: LinkClaims, lifetimeSeconds: number): Promise<string> {
    const token = await new SignJWT({ link: claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(claims.userId)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.key);
    return `${this.config.publicUrl}${path}?token=${token}`;
  }
}
