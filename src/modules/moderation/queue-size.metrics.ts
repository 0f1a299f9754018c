import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Metrics } from '@/modules/metrics/metrics.service.js';
import { QueuesService } from './queues.service.js';

/**
 * How many comments wait in each moderation queue, counted when Prometheus scrapes (one statement).
 * A count that fails (the database is away) leaves the gauge without samples rather than the last
 * value, which would look current.
 */
@Injectable()
export class QueueSizeMetrics {
  constructor(metrics: Metrics, queues: QueuesService) {
    new Gauge({
      name: 'comment_desk_moderation_queue_size',
      help: 'Comments waiting in each moderation queue (pending, reported, rejected).',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        const counts = await queues.counts().catch(() => undefined);
        if (!counts) return;
        for (const [queue, size] of Object.entries(counts)) this.set({ queue }, size);
      },
    });
  }
}
