import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@/common/errors/app-error.js';
import type { PolicyDiffView, PolicyVersionDetail, PolicyVersionPage, PolicyVersionView } from '@/contract/policy.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import type { PolicyDefinition } from './engine/engine.js';
import { diffPolicies } from './policy-diff.js';
import { PolicyRepository, type PolicyVersionRecord } from './policy.repository.js';

/** A site's policy versions as stored: the list, one version, and what changed between two. */
@Injectable()
export class PolicyHistoryService {
  constructor(private readonly repository: PolicyRepository) {}

  async list(scope: SiteScope, query: { limit: number; cursor?: number | undefined }): Promise<PolicyVersionPage> {
    const rows = await this.repository.versions(scope, query.limit, query.cursor);
    const items = rows.slice(0, query.limit);
    return { items: items.map(toView), nextCursor: rows.length > query.limit ? String(items.at(-1)!.version) : null };
  }

  async get(scope: SiteScope, version: number): Promise<PolicyVersionDetail> {
    const stored = await this.repository.version(scope, version);
    if (!stored) throw new NotFoundError('The policy version');
    return { ...toView(stored), definition: stored.definition };
  }

  /** From `against` (by default the version before) to `version`, as stored; NOT_FOUND when either is unknown. */
  async diff(scope: SiteScope, version: number, against: number | undefined): Promise<PolicyDiffView> {
    const from = against ?? (await this.repository.versionBefore(scope, version));
    if (from === null) throw new NotFoundError('A version before this one');
    const [before, after] = await Promise.all([this.repository.version(scope, from), this.repository.version(scope, version)]);
    if (!before || !after) throw new NotFoundError('The policy version');
    return { from, to: version, ...diffPolicies(before.definition as PolicyDefinition, after.definition as PolicyDefinition) };
  }
}

function toView(row: PolicyVersionRecord): PolicyVersionView {
  return {
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById ? { id: row.createdById, displayName: row.createdByName ?? '' } : null,
    reason: row.reason,
  };
}
