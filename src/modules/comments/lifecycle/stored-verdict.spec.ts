import { describe, expect, it } from '@jest/globals';
import { parseStoredVerdict, ruleIdsOf, toStoredVerdict } from './stored-verdict.js';

const reason = { rule: 'profanity.suspect', action: 'hold', message: 'Held.', messageKo: '검토합니다.', match: { text: 'x', start: 0, end: 1 } };

describe('the stored verdict', () => {
  it('reads rows stored before the version field as version 1', () => {
    expect(parseStoredVerdict({ decision: 'hold', reasons: [reason], policyVersion: 4 })).toEqual({
      v: 1,
      decision: 'hold',
      reasons: [reason],
      policyVersion: 4,
    });
  });

  it('round-trips what the engine decided', () => {
    const verdict = { decision: 'hold' as const, reasons: [{ ...reason, action: 'hold' as const }], policyVersion: 2 };
    expect(parseStoredVerdict(JSON.parse(JSON.stringify(toStoredVerdict(verdict))))).toEqual({ v: 1, ...verdict });
  });

  it.each([
    ['no decision', { reasons: [], policyVersion: 1 }],
    ['an unknown decision', { decision: 'maybe', reasons: [], policyVersion: 1 }],
    ['a reason without its rule', { decision: 'hold', reasons: [{ action: 'hold', message: 'x', messageKo: 'y' }], policyVersion: 1 }],
    ['a version this code does not know', { v: 2, decision: 'hold', reasons: [], policyVersion: 1 }],
    ['nothing', null],
  ])('refuses a row with %s rather than guess', (_, value) => {
    expect(() => parseStoredVerdict(value)).toThrow();
  });

  it('names each rule that gave a reason once', () => {
    expect(ruleIdsOf({ reasons: [reason, { ...reason }, { ...reason, rule: 'links.url' }] as never })).toEqual(['profanity.suspect', 'links.url']);
  });
});
