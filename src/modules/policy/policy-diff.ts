import type { PolicyDefinition } from './engine/engine.js';

export interface RuleChange {
  /** The setting's JSON path, dotted: `detectors.phone.action`. */
  path: string;
  /** Absent from that version: null. */
  before: unknown;
  after: unknown;
}

export interface TermListChange {
  list: string;
  added: string[];
  removed: string[];
}

export interface PolicyDiff {
  rules: RuleChange[];
  terms: TermListChange[];
}

/**
 * What changed from `before` to `after`: every setting by its JSON path (arrays other than the term
 * lists are compared whole), and each term list as a set, which stays linear for lists of 10,000+
 * terms and ignores their order. The version number itself is left out: it always changes.
 */
export function diffPolicies(before: PolicyDefinition, after: PolicyDefinition): PolicyDiff {
  const { terms: termsBefore, version: _versionBefore, ...settingsBefore } = before;
  const { terms: termsAfter, version: _versionAfter, ...settingsAfter } = after;
  const rules: RuleChange[] = [];
  diffValues([], settingsBefore, settingsAfter, rules);
  const lists = [...new Set([...Object.keys(termsBefore), ...Object.keys(termsAfter)])].sort();
  const terms = lists.flatMap((list): TermListChange[] => {
    const from = new Set<string>((termsBefore as Partial<Record<string, string[]>>)[list] ?? []);
    const to = new Set<string>((termsAfter as Partial<Record<string, string[]>>)[list] ?? []);
    const added = [...to].filter((term) => !from.has(term));
    const removed = [...from].filter((term) => !to.has(term));
    return added.length || removed.length ? [{ list, added, removed }] : [];
  });
  return { rules, terms };
}

function diffValues(path: string[], before: unknown, after: unknown, out: RuleChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      diffValues([...path, key], before[key], after[key], out);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: path.join('.'), before: before ?? null, after: after ?? null });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
