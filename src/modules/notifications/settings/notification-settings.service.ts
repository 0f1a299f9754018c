import { Injectable } from '@nestjs/common';
import type { NotificationSettingsView } from '@/contract/notifications.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { SignedLinks } from '../signed-links.js';
import type { UpdateNotificationSettingsDto } from './notification-settings.dto.js';
import { NotificationSettingsRepository } from './notification-settings.repository.js';

export type LinkResult = { outcome: 'done'; locale: 'ko' | 'en' } | { outcome: 'invalid' };
export type LinkCheck = { outcome: 'valid'; locale: 'ko' | 'en' } | { outcome: 'invalid' };

@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly settings: NotificationSettingsRepository,
    private readonly links: SignedLinks,
  ) {}

  find(principal: Principal): Promise<NotificationSettingsView> {
    return this.settings.find(principal.user.id);
  }

  update(principal: Principal, dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsView> {
    return this.settings.update(principal.home, principal.user.id, dto);
  }

  /**
   * What the link's page asks before it acts: only whether the link is good, and in which language
   * to ask. Following a link changes nothing, so a mail scanner that opens it unsubscribes no one.
   */
  async checkUnsubscribe(token: string): Promise<LinkCheck> {
    const claims = await this.links.verify(token, 'unsubscribe');
    if (!claims) return { outcome: 'invalid' };
    return { outcome: 'valid', locale: claims.locale ?? (await this.settings.find(claims.userId)).locale };
  }

  /** From the link's page, or a mail client's one-click POST (RFC 8058), without a login: the token says who and what. */
  async unsubscribe(token: string): Promise<LinkResult> {
    const claims = await this.links.verify(token, 'unsubscribe');
    const after = claims ? await this.settings.unsubscribe(claims.userId, claims.scope) : null;
    return after ? { outcome: 'done', locale: after.locale } : { outcome: 'invalid' };
  }

  async confirmEmail(token: string): Promise<LinkResult> {
    const claims = await this.links.verify(token, 'confirm-email');
    if (!claims || !(await this.settings.confirmEmail(claims.userId, claims.email))) return { outcome: 'invalid' };
    return { outcome: 'done', locale: (await this.settings.find(claims.userId)).locale };
  }
}
