import { Injectable } from '@nestjs/common';
import type { NotificationSettingsView } from '@/contract/notifications.js';
import { PrismaService } from '@/database/prisma.service.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { queueMail } from '../outbox/outbox-queue.js';
import type { UnsubscribeScope } from '../signed-links.js';
import type { UpdateNotificationSettingsDto } from './notification-settings.dto.js';

const DEFAULTS: Omit<NotificationSettingsView, 'email' | 'emailVerified'> = {
  locale: 'ko',
  reply: false,
  decision: false,
  standing: false,
  delivery: 'immediate',
};

interface SettingsRow {
  email: string | null;
  emailVerified: boolean;
  locale: string;
  onReply: boolean;
  onDecision: boolean;
  onStanding: boolean;
  delivery: string;
}

@Injectable()
export class NotificationSettingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The reader's settings; without any saved, the defaults with an address a login provider vouched for. */
  async find(userId: string): Promise<NotificationSettingsView> {
    const row = await this.prisma.notificationSetting.findUnique({ where: { userId } });
    if (row) return toView(row);
    const email = await this.verifiedIdentityEmail(userId, undefined);
    return { ...DEFAULTS, email, emailVerified: email !== null };
  }

  /**
   * Saves what changed. A new address counts as confirmed when one of the reader's login providers
   * vouched for it; any other is confirmed by the link a mail queued in the same transaction carries.
   */
  async update(scope: SiteScope, userId: string, changes: UpdateNotificationSettingsDto): Promise<NotificationSettingsView> {
    const before = await this.find(userId);
    const email = changes.email === undefined ? before.email : changes.email;
    const emailChanged = email?.toLowerCase() !== before.email?.toLowerCase();
    const emailVerified = emailChanged ? email !== null && (await this.verifiedIdentityEmail(userId, email)) !== null : before.emailVerified;
    const data = {
      email,
      emailVerified,
      locale: changes.locale ?? before.locale,
      onReply: changes.reply ?? before.reply,
      onDecision: changes.decision ?? before.decision,
      onStanding: changes.standing ?? before.standing,
      delivery: changes.delivery ?? before.delivery,
      updatedAt: new Date(),
    };
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.notificationSetting.upsert({ where: { userId }, create: { userId, ...data }, update: data });
      if (emailChanged && email !== null && !emailVerified) await queueMail(tx, scope, userId, { kind: 'confirm-email', email });
      return toView(row);
    });
  }

  /** Confirms the address the link was mailed to, if it is still the reader's. */
  async confirmEmail(userId: string, email: string): Promise<boolean> {
    const { count } = await this.prisma.notificationSetting.updateMany({ where: { userId, email }, data: { emailVerified: true, updatedAt: new Date() } });
    return count === 1;
  }

  async unsubscribe(userId: string, scope: UnsubscribeScope): Promise<NotificationSettingsView | null> {
    const off = {
      ...(scope === 'all' || scope === 'reply' ? { onReply: false } : {}),
      ...(scope === 'all' || scope === 'decision' ? { onDecision: false } : {}),
      ...(scope === 'all' || scope === 'standing' ? { onStanding: false } : {}),
    };
    const { count } = await this.prisma.notificationSetting.updateMany({ where: { userId }, data: { ...off, updatedAt: new Date() } });
    return count === 1 ? this.find(userId) : null;
  }

  private async verifiedIdentityEmail(userId: string, email: string | undefined): Promise<string | null> {
    const identity = await this.prisma.identity.findFirst({
      where: { userId, emailVerified: true, email: email === undefined ? { not: null } : { equals: email, mode: 'insensitive' } },
      orderBy: { createdAt: 'asc' },
      select: { email: true },
    });
    return identity?.email ?? null;
  }
}

function toView(row: SettingsRow): NotificationSettingsView {
  return {
    email: row.email,
    emailVerified: row.emailVerified,
    locale: row.locale === 'en' ? 'en' : 'ko',
    reply: row.onReply,
    decision: row.onDecision,
    standing: row.onStanding,
    delivery: row.delivery === 'hourly' || row.delivery === 'daily' ? row.delivery : 'immediate',
  };
}
