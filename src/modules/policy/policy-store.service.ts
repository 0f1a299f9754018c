import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { ZodError } from 'zod';
import { AppError, ValidationFailedError } from '@/common/errors/app-error.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_LOGGER } from '@/config/config.module.js';
import { DatabaseNotifications } from '@/database/database-notifications.js';
import { DEFAULT_POLICY } from './default-policy/default-policy.js';
import { type CompiledPolicy, compilePolicy, type PolicyDefinition, UnmatchableTermError } from './engine/engine.js';
import { POLICY_CHANGED, PolicyRepository } from './policy.repository.js';

export interface PolicyRulesView {
  version: number;
  definition: PolicyDefinition;
  updatedAt: string;
}

/**
 * The Standards Board policy in force on this instance. Rules are data in PostgreSQL, one row per
 * version; an edit on any instance is announced with NOTIFY and every instance recompiles within
 * moments, without a restart. The shipped default is seeded as version 1.
 */
@Injectable()
export class PolicyStore implements OnModuleInit, OnModuleDestroy {
  private current: CompiledPolicy = compilePolicy(DEFAULT_POLICY);
  private updatedAt = new Date(0);
  private subscription: Subscription | undefined;

  constructor(
    private readonly repository: PolicyRepository,
    private readonly notifications: DatabaseNotifications,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscription = this.notifications.listen(POLICY_CHANGED).subscribe(() => void this.reload().catch(() => undefined));
    await this.repository.insert(DEFAULT_POLICY.version, DEFAULT_POLICY, null);
    await this.reload();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  get compiled(): CompiledPolicy {
    return this.current;
  }

  rules(): PolicyRulesView {
    return { version: this.current.version, definition: this.current.definition, updatedAt: this.updatedAt.toISOString() };
  }

  /** Loads the newest stored version when it differs from the one in force. */
  async reload(): Promise<void> {
    const stored = await this.repository.latest();
    if (!stored || stored.version === this.current.version) {
      if (stored) this.updatedAt = stored.createdAt;
      return;
    }
    try {
      this.current = compilePolicy(stored.definition);
      this.updatedAt = stored.createdAt;
      this.logger.info({ version: stored.version }, 'Standards Board policy loaded');
    } catch (error) {
      // A row that no longer compiles (say, after an engine change) must not take the service down.
      this.logger.error({ err: error, version: stored.version }, 'stored policy does not compile; keeping the one in force');
    }
  }

  /**
   * Stores an edit as the next version. `definition.version` must be the version in force plus one,
   * so two admins editing at once cannot silently overwrite each other.
   */
  async update(actorId: string, definition: unknown, reason: string): Promise<PolicyRulesView> {
    const compiled = compileOrExplain(definition);
    await this.reload();
    const from = this.current.version;
    const logEntry = { actorId, action: 'rule_change', reason, details: { fromVersion: from, toVersion: compiled.version } };
    if (compiled.version !== from + 1 || !(await this.repository.insert(compiled.version, compiled.definition, logEntry))) {
      throw new AppError('POLICY_VERSION_CONFLICT', `The policy is at version ${from}; an edit must be version ${from + 1}. Reload and edit again.`, {
        currentVersion: from,
      });
    }
    await this.reload();
    return this.rules();
  }

  /**
   * Adds and removes terms of one list as the next version: term lists outgrow a request body, so
   * they can be edited a slice at a time. `version` is the new version, as with `update`.
   */
  async editTerms(actorId: string, edit: TermListEdit): Promise<PolicyRulesView> {
    await this.reload();
    const { definition } = this.current;
    const removed = new Set(edit.remove);
    const terms = [...new Set([...definition.terms[edit.list].filter((term) => !removed.has(term)), ...edit.add])];
    const next = { ...definition, version: edit.version, terms: { ...definition.terms, [edit.list]: terms } };
    return this.update(actorId, next, edit.reason);
  }
}

export interface TermListEdit {
  version: number;
  list: keyof PolicyDefinition['terms'];
  add: string[];
  remove: string[];
  reason: string;
}

function compileOrExplain(definition: unknown): CompiledPolicy {
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
