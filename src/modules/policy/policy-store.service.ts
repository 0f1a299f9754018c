import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { ZodError } from 'zod';
import { AppError, NotFoundError, ValidationFailedError } from '@/common/errors/app-error.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_LOGGER } from '@/config/config.module.js';
import { DatabaseNotifications, RESYNC } from '@/database/database-notifications.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { DEFAULT_POLICY } from './default-policy/default-policy.js';
import { type CompiledPolicy, compilePolicy, type PolicyDefinition, UnmatchableTermError } from './engine/engine.js';
import type { PolicyOverrides } from './layers/policy-overrides.js';
import { POLICY_CHANGED, PolicyRepository, SECTIONS_CHANGED } from './policy.repository.js';

export interface PolicyRulesView {
  version: number;
  definition: PolicyDefinition;
  updatedAt: string;
}

/** The shipped default, compiled once and shared by every site that has not edited it. */
let shippedDefault: CompiledPolicy | undefined;
function shippedPolicy(): CompiledPolicy {
  return (shippedDefault ??= compilePolicy(DEFAULT_POLICY));
}

interface PolicyInForce {
  compiled: CompiledPolicy;
  updatedAt: Date;
}

const NO_SECTIONS: ReadonlyMap<string, PolicyOverrides> = new Map();

/**
 * Each site's Standards Board policy in force on this instance. Rules are data in PostgreSQL, one row
 * per site and version; an edit on any instance is announced with NOTIFY (`site:version`) and every
 * instance recompiles that site's policy within moments, without a restart. The shipped default is
 * seeded as version 1 of every site.
 */
@Injectable()
export class PolicyStore implements OnModuleInit, OnModuleDestroy {
  private readonly policies = new Map<string, PolicyInForce>();
  /** Each site's section change sets, by section. */
  private readonly sections = new Map<string, ReadonlyMap<string, PolicyOverrides>>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly repository: PolicyRepository,
    private readonly notifications: DatabaseNotifications,
    private readonly sites: SiteRegistry,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscription = this.notifications.listen(POLICY_CHANGED).subscribe((payload) => void this.reloadAfterNotice(payload).catch(() => undefined));
    await this.sites.ready();
    for (const site of this.sites.all()) await this.ensureSite(this.sites.scopeOf(site.id)!);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Seeds a site's first version (the shipped default) unless it has one, and loads what it has. */
  async ensureSite(scope: SiteScope): Promise<void> {
    await this.repository.insert(scope, DEFAULT_POLICY.version, DEFAULT_POLICY, null);
    await this.reload(scope);
    await this.reloadSections(scope);
  }

  /** The site's change set for a section, if it has one. */
  sectionOverrides(scope: SiteScope, section: string): PolicyOverrides | undefined {
    return (this.sections.get(scope.siteId) ?? NO_SECTIONS).get(section);
  }

  sectionsOf(scope: SiteScope): ReadonlyMap<string, PolicyOverrides> {
    return this.sections.get(scope.siteId) ?? NO_SECTIONS;
  }

  /** Replaces a section's change set; every instance reloads the site's sections once it is stored. */
  async setSection(scope: SiteScope, actorId: string, section: string, overrides: PolicyOverrides, reason: string): Promise<void> {
    const from = this.sectionOverrides(scope, section) ?? {};
    await this.repository.saveSection(scope, section, overrides, {
      actorId,
      action: 'section_policy_change',
      reason,
      details: { section, from, to: overrides },
    });
    await this.reloadSections(scope);
  }

  private async reloadSections(scope: SiteScope): Promise<void> {
    this.sections.set(scope.siteId, await this.repository.sections(scope));
  }

  /** The site's policy in force (the shipped default until its own is loaded). */
  compiled(scope: SiteScope): CompiledPolicy {
    return this.inForce(scope).compiled;
  }

  rules(scope: SiteScope): PolicyRulesView {
    const { compiled, updatedAt } = this.inForce(scope);
    return { version: compiled.version, definition: compiled.definition, updatedAt: updatedAt.toISOString() };
  }

  private inForce(scope: SiteScope): PolicyInForce {
    return this.policies.get(scope.siteId) ?? { compiled: shippedPolicy(), updatedAt: new Date(0) };
  }

  private async reloadAfterNotice(payload: string): Promise<void> {
    if (payload === RESYNC) {
      for (const site of this.sites.all()) {
        await this.reload(this.sites.scopeOf(site.id)!);
        await this.reloadSections(this.sites.scopeOf(site.id)!);
      }
      return;
    }
    // A site created on another instance may not be in this one's registry yet.
    const siteId = payload.slice(0, payload.lastIndexOf(':'));
    if (!this.sites.scopeOf(siteId)) await this.sites.reload();
    const scope = this.sites.scopeOf(siteId);
    if (!scope) return;
    if (payload.endsWith(`:${SECTIONS_CHANGED}`)) await this.reloadSections(scope);
    else await this.reload(scope);
  }

  /** Loads the site's newest stored version when it differs from the one in force. */
  async reload(scope: SiteScope): Promise<void> {
    const stored = await this.repository.latest(scope);
    const current = this.inForce(scope);
    if (!stored) return;
    if (stored.version === current.compiled.version) {
      this.policies.set(scope.siteId, { compiled: current.compiled, updatedAt: stored.createdAt });
      return;
    }
    try {
      this.policies.set(scope.siteId, { compiled: compilePolicy(stored.definition), updatedAt: stored.createdAt });
      this.logger.info({ site: scope.siteId, version: stored.version }, 'Standards Board policy loaded');
    } catch (error) {
      // A row that no longer compiles (say, after an engine change) must not take the service down.
      this.logger.error({ err: error, site: scope.siteId, version: stored.version }, 'stored policy does not compile; keeping the one in force');
    }
  }

  /**
   * Stores an edit as the site's next version. `definition.version` must be the version in force
   * plus one, so two admins editing at once cannot silently overwrite each other.
   */
  async update(scope: SiteScope, actorId: string, definition: unknown, reason: string, logged: LoggedAs = { action: 'rule_change' }): Promise<PolicyRulesView> {
    const compiled = compileOrExplain(definition);
    await this.reload(scope);
    const from = this.compiled(scope).version;
    const logEntry = { actorId, action: logged.action, reason, details: { fromVersion: from, toVersion: compiled.version, ...logged.details } };
    if (compiled.version !== from + 1 || !(await this.repository.insert(scope, compiled.version, compiled.definition, logEntry))) {
      throw new AppError('POLICY_VERSION_CONFLICT', `The policy is at version ${from}; an edit must be version ${from + 1}. Reload and edit again.`, {
        currentVersion: from,
      });
    }
    await this.reload(scope);
    return this.rules(scope);
  }

  /**
   * Adds and removes terms of one list as the next version: term lists outgrow a request body, so
   * they can be edited a slice at a time. `version` is the new version, as with `update`.
   */
  async editTerms(scope: SiteScope, actorId: string, edit: TermListEdit): Promise<PolicyRulesView> {
    await this.reload(scope);
    const { definition } = this.compiled(scope);
    const removed = new Set(edit.remove);
    const terms = [...new Set([...definition.terms[edit.list].filter((term) => !removed.has(term)), ...edit.add])];
    const next = { ...definition, version: edit.version, terms: { ...definition.terms, [edit.list]: terms } };
    return this.update(scope, actorId, next, edit.reason);
  }

  /**
   * Puts an earlier version's definition back in force as a new version (the history keeps every
   * version), logged as `rule_rollback`; NOT_FOUND for a version the site never had.
   */
  async rollback(scope: SiteScope, actorId: string, version: number, reason: string): Promise<PolicyRulesView> {
    const stored = await this.repository.version(scope, version);
    if (!stored) throw new NotFoundError('The policy version');
    await this.reload(scope);
    const next = { ...(stored.definition as object), version: this.compiled(scope).version + 1 };
    return this.update(scope, actorId, next, reason, { action: 'rule_rollback', details: { rolledBackTo: version } });
  }
}

/** How a stored version is logged: an edit, or a rollback to an earlier one. */
interface LoggedAs {
  action: 'rule_change' | 'rule_rollback';
  details?: Record<string, unknown>;
}

export interface TermListEdit {
  version: number;
  list: keyof PolicyDefinition['terms'];
  add: string[];
  remove: string[];
  reason: string;
}

/** Compiles a policy as an edit is checked: an invalid one is VALIDATION_FAILED with its issues. */
export function compileOrExplain(definition: unknown): CompiledPolicy {
  try {
    return compilePolicy(definition);
  } catch (error) {
    if (error instanceof ZodError) {
      const issues = error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
      throw new ValidationFailedError(
        `The policy is invalid: ${issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
        { issues },
      );
    }
    if (error instanceof UnmatchableTermError) throw new ValidationFailedError(error.message);
    throw error;
  }
}
