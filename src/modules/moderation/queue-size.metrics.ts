import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Metrics } from '@/modules/metrics/metrics.service.js';
import { QueuesService } from './queues.service.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';

/**
 * How many comments wait in each moderation queue, counted when Prometheus scrapes (one statement).
 * A count that fails (the database is away) leaves the gauge without samples rather than the last
 * value, which would look current.
 */
@Injectable()
export class QueueSizeMetrics {
  constructor(metrics: Metrics, queues: QueuesService, sites: SiteRegistry) {
    new Gauge({
      name: 'comment_desk_moderation_queue_size',
      help: 'Comments waiting in each moderation queue (pending, reported, rejected), by site.',
      labelNames: ['site', 'queue'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const site of sites.all()) {
          const scope = sites.scopeOf(site.id);
          const counts = scope && (await queues.counts(scope).catch(() => undefined));
          if (!counts) continue;
          for (const [queue, size] of Object.entries(counts)) this.set({ site: site.id, queue }, size);
        }
      },
    });
  }
}
