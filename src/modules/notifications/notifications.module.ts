import { Module } from '@nestjs/common';
import { MailContextRepository } from './mail/mail-context.repository.js';
import { MailDelivery } from './mail/mail-delivery.js';
import { MailTransport } from './mail/mail-transport.js';
import { OutboxWorker } from './outbox/outbox-worker.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { NotificationSettingsController } from './settings/notification-settings.controller.js';
import { NotificationSettingsRepository } from './settings/notification-settings.repository.js';
import { NotificationSettingsService } from './settings/notification-settings.service.js';
import { SignedLinks } from './signed-links.js';
import { WebhookDelivery } from './webhooks/webhook-delivery.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';
import { WebhooksRepository } from './webhooks/webhooks.repository.js';
import { WebhooksService } from './webhooks/webhooks.service.js';

/**
 * Mail to readers and webhooks to publishers, both from the outbox. Messages are queued by the
 * writers of the events themselves (outbox/outbox-queue.ts), inside their own transactions.
 */
@Module({
  controllers: [NotificationSettingsController, WebhooksController],
  providers: [
    OutboxRepository,
    OutboxWorker,
    MailTransport,
    MailDelivery,
    MailContextRepository,
    NotificationSettingsRepository,
    NotificationSettingsService,
    SignedLinks,
    WebhookDelivery,
    WebhooksRepository,
    WebhooksService,
  ],
})
export class NotificationsModule {}
