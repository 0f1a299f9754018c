import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { PrismaService } from '@/database/prisma.service.js';
import { ReadRouting } from '@/database/read-routing.js';
import type { Verdict } from '@/modules/policy/engine/verdict.js';

/** Requests that matched no route share one label, so probes of random paths cannot grow the series. */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * The service's Prometheus metrics, one registry per application (tests run several in one process).
 * What is cheap to count is counted as it happens; what has a current size (queues, the pool) is
 * read when Prometheus scrapes.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  private readonly requestDuration = new Histogram({
    name: 'comment_desk_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status; its _count gives the request rate.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly verdicts = new Counter({
    name: 'comment_desk_policy_verdicts_total',
    help: 'Standards Board verdicts on posted and edited comments, by decision.',
    labelNames: ['decision'] as const,
    registers: [this.registry],
  });

  private readonly verdictReasons = new Counter({
    name: 'comment_desk_policy_rule_matches_total',
    help: 'Rules that gave a reason in a verdict, by the verdict’s decision and the rule.',
    labelNames: ['decision', 'rule'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly prisma: PrismaService,
    private readonly routing: ReadRouting,
  ) {
    collectDefaultMetrics({ register: this.registry });
    this.observePool();
    if (this.routing.replicaState() !== 'none') this.observeReplica();
  }

  /** One finished request; `route` is the template it matched (`/api/v1/comments/:commentId`). */
  observeRequest(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    this.requestDuration.observe({ method, route: route ?? UNMATCHED_ROUTE, status_code: statusCode }, seconds);
  }

  /** A verdict the policy gave on a comment being posted or edited (not a moderator's trial). */
  observeVerdict(verdict: Pick<Verdict, 'decision' | 'reasons'>): void {
    this.verdicts.inc({ decision: verdict.decision });
    for (const reason of verdict.reasons) this.verdictReasons.inc({ decision: verdict.decision, rule: reason.rule });
  }

  /** The read replica's pool, as the primary's, and whether reads go to it now. */
  private observeReplica(): void {
    const routing = this.routing;
    new Gauge({
      name: 'comment_desk_db_replica_pool_connections',
      help: 'Connections of this instance’s pool on the read replica, by state (idle, in use), and its size.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        const usage = routing.replicaPoolUsage();
        if (!usage) return;
        this.set({ state: 'idle' }, usage.idle);
        this.set({ state: 'in_use' }, usage.total - usage.idle);
        this.set({ state: 'max' }, usage.max);
      },
    });
    new Gauge({
      name: 'comment_desk_db_replica_pool_waiting_requests',
      help: 'Queries waiting for a free connection of this instance’s pool on the read replica.',
      registers: [this.registry],
      collect() {
        this.set(routing.replicaPoolUsage()?.waiting ?? 0);
      },
    });
    new Gauge({
      name: 'comment_desk_db_replica_healthy',
      help: '1 while reads may go to the replica, 0 while they go to the primary (lagging, unreachable or not checked yet).',
      registers: [this.registry],
      collect() {
        this.set(routing.replicaState() === 'healthy' ? 1 : 0);
      },
    });
  }

  private observePool(): void {
    const prisma = this.prisma;
    new Gauge({
      name: 'comment_desk_db_pool_connections',
      help: 'Connections of this instance’s PostgreSQL pool, by state (idle, in use), and its size.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        const usage = prisma.poolUsage();
        if (!usage) return;
        this.set({ state: 'idle' }, usage.idle);
        this.set({ state: 'in_use' }, usage.total - usage.idle);
        this.set({ state: 'max' }, usage.max);
      },
    });
    new Gauge({
      name: 'comment_desk_db_pool_waiting_requests',
      help: 'Queries waiting for a free connection of this instance’s pool.',
      registers: [this.registry],
      collect() {
        this.set(prisma.poolUsage()?.waiting ?? 0);
      },
    });
  }
}
