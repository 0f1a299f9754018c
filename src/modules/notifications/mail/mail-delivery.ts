import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { NotificationSettingsView } from '@/contract/notifications.js';
import type { MailPayload } from '../outbox/outbox-queue.js';
import type { OutboxMessage } from '../outbox/outbox.repository.js';
import type { DeliveryOutcome } from '../outbox/outbox-worker.js';
import { NotificationSettingsRepository } from '../settings/notification-settings.repository.js';
import { SignedLinks, type UnsubscribeScope } from '../signed-links.js';
import { MailContextRepository } from './mail-context.repository.js';
import { type MailItem, renderMail } from './mail-templates.js';
import { MailTransport } from './mail-transport.js';

interface Ready {
  id: string;
  item: MailItem;
  scope: UnsubscribeScope | null;
}

/**
 * Turns one reader's due outbox messages into mail: each checked against the reader's settings as they
 * are now (an unsubscribe stops what was queued before it), several at once as one digest, an address
 * confirmation always on its own.
 */
@Injectable()
export class MailDelivery {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transport: MailTransport,
    private readonly settings: NotificationSettingsRepository,
    private readonly context: MailContextRepository,
    private readonly links: SignedLinks,
  ) {}

  get enabled(): boolean {
    return this.transport.enabled;
  }

  async deliver(recipientId: string, messages: OutboxMessage[]): Promise<DeliveryOutcome> {
    const settings = await this.settings.find(recipientId);
    const outcome: DeliveryOutcome = { delivered: [], skipped: [] };
    const payloads = messages.map((message) => ({ id: message.id, payload: message.payload as MailPayload }));
    const comments = await this.context.comments(payloads.flatMap(({ payload }) => ('commentId' in payload ? [payload.commentId] : [])));
    const ready: Ready[] = [];
    for (const { id, payload } of payloads) {
      const skip = skipReason(payload, settings);
      if (skip) {
        outcome.skipped.push({ ids: [id], note: skip });
        continue;
      }
      const item = await this.itemOf(recipientId, payload, comments);
      if (item) ready.push({ id, item, scope: payload.kind === 'confirm-email' ? null : payload.kind });
      else outcome.skipped.push({ ids: [id], note: 'what it tells about is gone' });
    }
    // Each mail on its own, so one that fails is retried without the ones that went out.
    const news = ready.filter((entry) => entry.scope !== null);
    const mails = [
      ...ready.filter((entry) => entry.scope === null).map((entry) => [entry]),
      ...(settings.delivery === 'immediate' ? news.map((entry) => [entry]) : news.length ? [news] : []),
    ];
    outcome.failed = [];
    for (const entries of mails) {
      const ids = entries.map((entry) => entry.id);
      try {
        const scope = entries[0]!.scope;
        const unsubscribeUrl = scope === null ? undefined : await this.links.unsubscribeUrl(recipientId, entries.length === 1 ? scope : 'all', settings.locale);
        await this.send(settings.email!, settings, entries, unsubscribeUrl);
        outcome.delivered.push(...ids);
      } catch (error) {
        outcome.failed.push({ ids, error });
      }
    }
    return outcome;
  }

  private async send(to: string, settings: NotificationSettingsView, entries: Ready[], unsubscribeUrl: string | undefined): Promise<void> {
    const mail = renderMail(
      settings.locale,
      entries.map((entry) => entry.item),
      unsubscribeUrl,
    );
    const host = new URL(this.config.publicUrl).hostname;
    await this.transport.send({ ...mail, to, messageId: `<${entries[0]!.id}@${host}>`, unsubscribeUrl });
  }

  private async itemOf(
    recipientId: string,
    payload: MailPayload,
    comments: Map<string, { body: string; status: string; authorName: string; article: { title: string; url: string } }>,
  ): Promise<MailItem | null> {
    switch (payload.kind) {
      case 'reply': {
        const reply = comments.get(payload.commentId);
        if (!reply || reply.status !== 'published') return null;
        return { kind: 'reply', replierName: reply.authorName, replyBody: reply.body, article: reply.article };
      }
      case 'decision': {
        const comment = comments.get(payload.commentId);
        if (!comment || comment.status === 'deleted') return null;
        return { kind: 'decision', action: payload.action, reason: payload.reason, commentBody: comment.body, article: comment.article };
      }
      case 'standing':
        return { kind: 'standing', action: payload.action, until: payload.until ? new Date(payload.until) : null, reason: payload.reason };
      case 'confirm-email':
        return { kind: 'confirm-email', confirmUrl: await this.links.confirmEmailUrl(recipientId, payload.email) };
    }
  }
}

/** Why a message is not to be sent after all, judged on the settings as they are now. */
function skipReason(payload: MailPayload, settings: NotificationSettingsView): string | null {
  if (!settings.email) return 'no address';
  if (payload.kind === 'confirm-email') {
    if (settings.email.toLowerCase() !== payload.email.toLowerCase()) return 'the address changed since';
    return settings.emailVerified ? 'already confirmed' : null;
  }
  if (!settings.emailVerified) return 'the address is not confirmed';
  return settings[payload.kind] ? null : 'opted out';
}
