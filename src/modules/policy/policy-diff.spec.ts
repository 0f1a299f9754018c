import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from './default-policy/default-policy.js';
import { diffPolicies } from './policy-diff.js';

describe('diffPolicies', () => {
  it('finds nothing between a policy and itself, whatever its version', () => {
    expect(diffPolicies(DEFAULT_POLICY, { ...DEFAULT_POLICY, version: DEFAULT_POLICY.version + 1 })).toEqual({ rules: [], terms: [] });
  });

  it('names each changed setting by its JSON path, with both values', () => {
    const after = {
      ...DEFAULT_POLICY,
      name: 'Edited',
      detectors: { ...DEFAULT_POLICY.detectors, phone: { ...DEFAULT_POLICY.detectors.phone, action: 'reject' as const } },
    };
    expect(diffPolicies(DEFAULT_POLICY, after).rules).toEqual([
      { path: 'detectors.phone.action', before: 'hold', after: 'reject' },
      { path: 'name', before: DEFAULT_POLICY.name, after: 'Edited' },
    ]);
  });

  it('compares term lists as sets: order does not count, additions and removals do', () => {
    const banned = [...DEFAULT_POLICY.terms.banned].reverse().slice(1);
    const after = { ...DEFAULT_POLICY, terms: { ...DEFAULT_POLICY.terms, banned: [...banned, 'newterm'] } };
    expect(diffPolicies(DEFAULT_POLICY, after).terms).toEqual([{ list: 'banned', added: ['newterm'], removed: [DEFAULT_POLICY.terms.banned.at(-1)] }]);
  });

  it('diffs lists of 20,000 terms in well under a second', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `term${i}`);
    const before = { ...DEFAULT_POLICY, terms: { ...DEFAULT_POLICY.terms, suspect: many } };
    const after = { ...DEFAULT_POLICY, terms: { ...DEFAULT_POLICY.terms, suspect: [...many.slice(1), 'extra'] } };
    const started = performance.now();
    expect(diffPolicies(before, after).terms).toEqual([{ list: 'suspect', added: ['extra'], removed: ['term0'] }]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
