import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import type { TermListName } from '../api/admin-api.js';

export const TERM_LISTS: TermListName[] = ['banned', 'suspect', 'allow', 'initialsBanned', 'initialsSuspect'];

export interface TermChange {
  list: TermListName;
  add: string[];
  remove: string[];
}

/** What the draft adds to and takes from each term list, against the policy in force. */
export function termChanges(inForce: PolicyDefinition, draft: PolicyDefinition): TermChange[] {
  return TERM_LISTS.flatMap((list) => {
    const before = new Set(inForce.terms[list]);
    const after = new Set(draft.terms[list]);
    const add = [...after].filter((term) => !before.has(term));
    const remove = [...before].filter((term) => !after.has(term));
    return add.length || remove.length ? [{ list, add, remove }] : [];
  });
}

/** Whether the draft changes anything besides the term lists. */
export function rulesChanged(inForce: PolicyDefinition, draft: PolicyDefinition): boolean {
  return JSON.stringify({ ...inForce, terms: null }) !== JSON.stringify({ ...draft, terms: null });
}

/** The draft as the next version would store it. */
export function asNextVersion(draft: PolicyDefinition, versionInForce: number): PolicyDefinition {
  return { ...draft, version: versionInForce + 1 };
}

export function cloneDefinition(definition: PolicyDefinition): PolicyDefinition {
  return structuredClone(definition);
}
