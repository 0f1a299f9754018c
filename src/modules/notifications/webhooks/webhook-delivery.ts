import { Inject, Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import type { OutboxMessage } from '../outbox/outbox.repository.js';
import type { DeliveryOutcome } from '../outbox/outbox-worker.js';
import { WebhooksRepository } from './webhooks.repository.js';

/**
 * One POST of one event to one endpoint, signed the Standard Webhooks way (`webhook-id`, the outbox
 * message's id, the same on every retry so a receiver can drop repeats; `webhook-timestamp`;
 * `webhook-signature: v1,<base64 HMAC-SHA256>`). Anything but a 2xx in time is a failed attempt.
 */
@Injectable()
export class WebhookDelivery {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sites: SiteRegistry,
    private readonly endpoints: WebhooksRepository,
  ) {}

  async deliver(message: OutboxMessage): Promise<DeliveryOutcome> {
    // The message's site is the endpoint's: a message can only reach an endpoint of its own site.
    const site = this.sites.scopeOf(message.siteId);
    const endpoint = site && message.endpointId ? await this.endpoints.find(site, message.endpointId) : null;
    if (!endpoint) return { delivered: [], skipped: [{ ids: [message.id], note: 'endpoint removed' }] };
    const body = JSON.stringify(message.payload);
    const timestamp = new Date();
    const signature = new Webhook(endpoint.secret).sign(message.id, timestamp, body);
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Comment-Desk-Webhooks/1',
        'webhook-id': message.id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.config.notifications.webhookTimeoutMs),
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`the endpoint answered ${response.status}`);
    return { delivered: [message.id], skipped: [] };
  }
}
