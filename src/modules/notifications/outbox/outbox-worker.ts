import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_CONFIG, APP_LOGGER } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { DatabaseNotifications } from '@/database/database-notifications.js';
import { MailDelivery } from '../mail/mail-delivery.js';
import { WebhookDelivery } from '../webhooks/webhook-delivery.js';
import { type OutboxMessage, OutboxRepository } from './outbox.repository.js';
import { retryDelayMs } from './retry-delay.js';

/** Heard from every statement that queued messages, once it commits. */
export const OUTBOX_READY = 'outbox_ready';
const BATCH = 20;
/** Longer than any one delivery may take (SMTP and webhook timeouts are shorter). */
const LEASE_MS = 120_000;

/** What became of each message of a delivery: sent, not to be sent after all (with why), or to be tried again. */
export interface DeliveryOutcome {
  delivered: string[];
  skipped: { ids: string[]; note: string }[];
  failed?: { ids: string[]; error: unknown }[];
}

/**
 * Delivers the outbox on this instance: woken by NOTIFY when messages are queued, and by a poll for
 * retries that came due (and for wake-ups missed while the database was away). One pass at a time
 * per instance; several instances share the work through their claims.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private wakeups: Subscription | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly outbox: OutboxRepository,
    private readonly notifications: DatabaseNotifications,
    private readonly mail: MailDelivery,
    private readonly webhooks: WebhookDelivery,
  ) {}

  onApplicationBootstrap(): void {
    const settings = this.config.notifications.outbox;
    if (!settings.worker) return;
    this.wakeups = this.notifications.listen(OUTBOX_READY).subscribe(() => this.wake());
    this.timer = setInterval(() => this.wake(), settings.pollMs);
    this.timer.unref();
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.wakeups?.unsubscribe();
    await this.running;
  }

  /** Starts a pass, or asks the running one to look again when it is done. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox pass failed; the next poll retries'))
      .finally(() => (this.running = undefined));
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        if (this.stopped) return;
        // Mail waits in the outbox for an instance that can send it.
        const claimed = await this.outbox.claim(BATCH, LEASE_MS, this.mail.enabled ? ['mail', 'webhook'] : ['webhook']);
        if (claimed.length === 0) break;
        await this.deliverAll(claimed);
        if (claimed.length < BATCH) break;
      }
    } while (this.again && !this.stopped);
  }

  private async deliverAll(messages: OutboxMessage[]): Promise<void> {
    const mailByRecipient = new Map<string, OutboxMessage[]>();
    const work: Promise<void>[] = [];
    for (const message of messages) {
      if (message.channel === 'mail' && message.recipientId) {
        mailByRecipient.set(message.recipientId, [...(mailByRecipient.get(message.recipientId) ?? []), message]);
      } else {
        work.push(this.settle([message], () => this.webhooks.deliver(message)));
      }
    }
    // A reader's messages due together go to one delivery (a digest, for a reader who chose one).
    for (const [recipientId, batch] of mailByRecipient) work.push(this.settle(batch, () => this.mail.deliver(recipientId, batch)));
    await Promise.all(work);
  }

  private async settle(messages: OutboxMessage[], deliver: () => Promise<DeliveryOutcome>): Promise<void> {
    const ids = messages.map((message) => message.id);
    const { retryBaseMs, maxAttempts } = this.config.notifications.outbox;
    let outcome: DeliveryOutcome;
    try {
      outcome = await deliver();
    } catch (error) {
      outcome = { delivered: [], skipped: [], failed: [{ ids, error }] };
    }
    await this.outbox.finish(outcome.delivered, 'delivered');
    for (const skipped of outcome.skipped) await this.outbox.finish(skipped.ids, 'skipped', skipped.note);
    for (const failed of outcome.failed ?? []) {
      const attempts = Math.max(...messages.filter((message) => failed.ids.includes(message.id)).map((message) => message.attempts));
      this.logger.warn({ err: failed.error, outboxIds: failed.ids, attempts }, 'delivery failed; retrying later');
      const reason = failed.error instanceof Error ? failed.error.message : String(failed.error);
      await this.outbox.failed(failed.ids, reason, retryDelayMs(attempts, retryBaseMs), maxAttempts);
    }
  }
}
