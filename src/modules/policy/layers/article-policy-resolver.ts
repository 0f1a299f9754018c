import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { type CompiledPolicy, compilePolicy } from '@/modules/policy/engine/engine.js';
import { PolicyStore } from '@/modules/policy/policy-store.service.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { type PolicyLayers, resolveDefinition } from './layered-policy.js';
import { isEmptyOverrides, type PolicyOverrides } from './policy-overrides.js';

/** What an article's layers resolve to: the compiled policy its comments are judged by. */
export interface ResolvedPolicy {
  compiled: CompiledPolicy;
  layers: PolicyLayers;
}

/** An article as its policy needs it. */
export interface ArticlePolicyInput {
  section: string | null;
  policyOverrides: PolicyOverrides;
}

/**
 * Resolves an article's policy (site → section → article) once and keeps the compiled result. The
 * key is what the layers are: the site's version and the section's and article's change sets as they
 * stand, so a change announced by NOTIFY (a new site version or section change set, reloaded by the
 * policy store; an article's own change, dropped from the article settings cache) makes a new key,
 * and the old entry ages out. An article with no changes of its own in a section without any is
 * judged by the site's compiled policy itself.
 */
@Injectable()
export class ArticlePolicyResolver {
  private readonly compiled = new LRUCache<string, CompiledPolicy>({ max: 2_000 });

  constructor(private readonly store: PolicyStore) {}

  /** With `draft`, the draft stands for the site's policy and nothing is kept (a dry run). */
  resolve(scope: SiteScope, article: ArticlePolicyInput, draft?: CompiledPolicy): ResolvedPolicy {
    const site = draft ?? this.store.compiled(scope);
    const sectionOverrides = article.section ? this.store.sectionOverrides(scope, article.section) : undefined;
    const layers: PolicyLayers = {
      site: site.definition,
      ...(sectionOverrides && article.section ? { section: { name: article.section, overrides: sectionOverrides } } : {}),
      ...(isEmptyOverrides(article.policyOverrides) ? {} : { article: article.policyOverrides }),
    };
    if (!layers.section && !layers.article) return { compiled: site, layers };
    if (draft) return { compiled: compilePolicy(resolveDefinition(layers)), layers };
    const key = JSON.stringify([scope.siteId, site.version, layers.section ?? null, layers.article ?? null]);
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = compilePolicy(resolveDefinition(layers));
      this.compiled.set(key, compiled);
    }
    return { compiled, layers };
  }

  /** Compiles layers without keeping them: how a change set is checked before it is stored. */
  static check(layers: PolicyLayers): void {
    compilePolicy(resolveDefinition(layers));
  }
}
