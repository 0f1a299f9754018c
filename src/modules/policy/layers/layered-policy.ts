import type { PolicyDefinition, Verdict } from '@/modules/policy/engine/engine.js';
import type { Reason } from '@/modules/policy/engine/verdict.js';
import { applyOverrides, isEmptyOverrides, type PolicyLayer, type PolicyOverrides } from './policy-overrides.js';

/** The layers of one article's policy: its site's definition, then its section's and its own changes. */
export interface PolicyLayers {
  site: PolicyDefinition;
  section?: { name: string; overrides: PolicyOverrides } | undefined;
  article?: PolicyOverrides | undefined;
}

/** The definition an article's comments are judged by: the site's, with the section's changes, then the article's. */
export function resolveDefinition(layers: PolicyLayers): PolicyDefinition {
  let definition = layers.site;
  if (layers.section && !isEmptyOverrides(layers.section.overrides)) definition = applyOverrides(definition, layers.section.overrides);
  if (layers.article && !isEmptyOverrides(layers.article)) definition = applyOverrides(definition, layers.article);
  return definition;
}

/** A reason with the layer whose setting made it. */
export type LayeredReason = Reason & { layer: PolicyLayer };

/** The verdict with each reason's layer. */
export function withLayers(verdict: Verdict, layers: PolicyLayers): Verdict & { reasons: LayeredReason[] } {
  return { ...verdict, reasons: verdict.reasons.map((reason) => ({ ...reason, layer: layerOf(reason, layers) })) };
}

/**
 * The most specific layer that changed the setting the reason's rule reads: for a term, the layer
 * that added it; for the other rules, the layer that set their knobs. The article's own
 * premoderation is the article's.
 */
export function layerOf(reason: Reason, layers: PolicyLayers): PolicyLayer {
  if (reason.rule === 'article.premoderation') return 'article';
  if (layers.article && touches(layers.article, reason)) return 'article';
  if (layers.section && touches(layers.section.overrides, reason)) return 'section';
  return 'site';
}

function touches(overrides: PolicyOverrides, reason: Reason): boolean {
  switch (reason.rule) {
    case 'links.url':
      return overrides.links !== undefined;
    case 'account.new':
      return overrides.newAuthors !== undefined;
    case 'quota.daily':
      return overrides.quotas?.daily !== undefined;
    case 'quota.article':
      return overrides.quotas?.perArticle !== undefined;
    case 'toxicity.classifier':
      return overrides.toxicity !== undefined;
    case 'profanity.banned':
      return matchedTerms(reason).some((term) => overrides.terms?.banned?.add.includes(term));
    case 'profanity.suspect':
      return matchedTerms(reason).some((term) => overrides.terms?.suspect?.add.includes(term));
    default:
      return false;
  }
}

function matchedTerms(reason: Reason): string[] {
  return [reason.match, ...(reason.matches ?? [])].flatMap((match) => (match?.term !== undefined ? [match.term] : []));
}

/** One setting of the effective policy and the layer it came from. */
export interface LayeredSetting<T> {
  value: T;
  layer: PolicyLayer;
}

export interface EffectiveSettings {
  links: LayeredSetting<PolicyDefinition['links']['action']>;
  newAuthors: LayeredSetting<Omit<PolicyDefinition['newAccount'], 'regularAfterApproved'>>;
  quotas: { daily: LayeredSetting<PolicyDefinition['quotas']['daily']>; perArticle: LayeredSetting<PolicyDefinition['quotas']['perArticle']> };
  toxicity: LayeredSetting<PolicyDefinition['toxicity']>;
  reports: LayeredSetting<PolicyDefinition['reports']>;
  terms: { list: TermList; term: string; change: 'added' | 'removed'; layer: Exclude<PolicyLayer, 'site'> }[];
}

type TermList = 'banned' | 'suspect' | 'allow';
const TERM_LISTS: TermList[] = ['banned', 'suspect', 'allow'];

/** What an article's comments are judged by, knob by knob, with the layer that set each. */
export function effectiveSettings(layers: PolicyLayers, definition: PolicyDefinition): EffectiveSettings {
  const specific = (changed: (overrides: PolicyOverrides) => unknown): PolicyLayer => {
    if (layers.article && changed(layers.article) !== undefined) return 'article';
    if (layers.section && changed(layers.section.overrides) !== undefined) return 'section';
    return 'site';
  };
  const { regularAfterApproved: _regular, ...newAuthors } = definition.newAccount;
  const terms: EffectiveSettings['terms'] = [];
  for (const [layer, overrides] of [
    ['section', layers.section?.overrides],
    ['article', layers.article],
  ] as const) {
    for (const list of TERM_LISTS) {
      const edit = overrides?.terms?.[list];
      for (const term of edit?.add ?? []) terms.push({ list, term, change: 'added', layer });
      for (const term of edit?.remove ?? []) terms.push({ list, term, change: 'removed', layer });
    }
  }
  return {
    links: { value: definition.links.action, layer: specific((o) => o.links) },
    newAuthors: { value: newAuthors, layer: specific((o) => o.newAuthors) },
    quotas: {
      daily: { value: definition.quotas.daily, layer: specific((o) => o.quotas?.daily) },
      perArticle: { value: definition.quotas.perArticle, layer: specific((o) => o.quotas?.perArticle) },
    },
    toxicity: { value: definition.toxicity, layer: specific((o) => o.toxicity) },
    reports: { value: definition.reports, layer: specific((o) => o.reports) },
    terms,
  };
}

/** The article lifecycle's settings: the article's own, else its section's. */
export function lifecycleSettings(layers: PolicyLayers): Pick<PolicyOverrides, 'commentWindow' | 'autoModeration'> {
  const pick = <K extends 'commentWindow' | 'autoModeration'>(key: K): PolicyOverrides[K] => layers.article?.[key] ?? layers.section?.overrides[key];
  return { commentWindow: pick('commentWindow'), autoModeration: pick('autoModeration') };
}
