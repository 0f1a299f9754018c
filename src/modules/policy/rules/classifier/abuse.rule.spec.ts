import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from '@/modules/policy/default-policy/default-policy.js';
import { compilePolicy } from '@/modules/policy/engine/compile-policy.js';
import { sharedAbuseModel } from '@/modules/policy/engine/classifier/shipped-model.js';
import { TextNormalizer } from '@/modules/policy/engine/normalize/text-normalizer.js';
import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import { aDefinition, rulesFired, verdictOf } from '@/modules/policy/engine/testing/policy-fixtures.js';
import { CLASSIFIER_ABUSE } from './abuse.rule.js';

const MOCKERY = '못생긴 게 나대기는';
const CIVIL_KO = '좋은 기사 감사합니다';
const CIVIL_EN = 'Great reporting, thank you for covering the flood relief effort.';

function scoreOf(text: string): number {
  const normalizer = new TextNormalizer();
  normalizer.normalize(text);
  return sharedAbuseModel().score(normalizer.skeleton);
}

const policyWith = (edit: (classifier: PolicyDefinition['classifier']) => void) => compilePolicy(aDefinition((d) => edit(d.classifier)));
const reasonOf = (text: string, policy = compilePolicy(DEFAULT_POLICY)) => verdictOf(text, {}, policy).reasons.find((r) => r.rule === CLASSIFIER_ABUSE);

describe('classifier.abuse', () => {
  it('holds, under the default policy, an insult no word list names, with its clause, score and the words that raised it', () => {
    const verdict = verdictOf(MOCKERY);
    expect(verdict.decision).toBe('hold');
    expect(rulesFired(verdict)).toEqual([CLASSIFIER_ABUSE]);
    const reason = verdict.reasons[0]!;
    expect(reason.action).toBe('hold');
    expect(reason.clause).toBe(DEFAULT_POLICY.clauses[CLASSIFIER_ABUSE]);
    expect(reason.message).toMatch(/moderator/);
    expect(reason.messageKo).toMatch(/운영자/);
    expect(reason.score).toBeCloseTo(scoreOf(MOCKERY), 3);
    const spans = reason.matches ?? [reason.match!];
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(MOCKERY.slice(span.start, span.end)).toBe(span.text);
    expect(spans.map((s) => s.text).join(' ')).toMatch(/못생긴|나대기는/u);
  });

  it('shows the words as the author typed them, through the disguises the normaliser undoes', () => {
    const disguised = '못.생.긴 게 나1대기는';
    const reason = reasonOf(disguised);
    expect(reason).toBeDefined();
    const spans = reason!.matches ?? [reason!.match!];
    for (const span of spans) expect(disguised.slice(span.start, span.end)).toBe(span.text);
    expect(spans.map((s) => s.text).join(' ')).toMatch(/못\.생\.긴|나1대기는/u);
  });

  it('holds at its threshold and publishes just below it', () => {
    const score = scoreOf(MOCKERY);
    expect(
      reasonOf(
        MOCKERY,
        policyWith((c) => (c.ko.holdAt = score)),
      )?.action,
    ).toBe('hold');
    expect(
      reasonOf(
        MOCKERY,
        policyWith((c) => (c.ko.holdAt = Math.min(1, score + 0.001))),
      ),
    ).toBeUndefined();
  });

  it('never rejects on its own by default, however high the score', () => {
    const text = 'you are a stupid worthless bitch';
    expect(scoreOf(text)).toBeGreaterThan(0.99);
    expect(DEFAULT_POLICY.classifier.en.rejectAt).toBeNull();
    expect(reasonOf(text)?.action).toBe('hold');
  });

  it('rejects at rejectAt when the policy sets one', () => {
    const policy = policyWith((c) => (c.ko.rejectAt = 0.9));
    expect(scoreOf(MOCKERY)).toBeGreaterThan(0.9);
    expect(verdictOf(MOCKERY, {}, policy).decision).toBe('reject');
    expect(reasonOf(MOCKERY, policy)?.action).toBe('reject');
  });

  it('applies the thresholds of the comment’s language', () => {
    const holdsAllKorean = policyWith((c) => (c.ko.holdAt = 0));
    expect(reasonOf(CIVIL_KO, holdsAllKorean)?.action).toBe('hold');
    expect(reasonOf(CIVIL_EN, holdsAllKorean)).toBeUndefined();
    const holdsAllEnglish = policyWith((c) => (c.en.holdAt = 0));
    expect(reasonOf(CIVIL_EN, holdsAllEnglish)?.action).toBe('hold');
    expect(reasonOf(CIVIL_KO, holdsAllEnglish)).toBeUndefined();
  });

  it('lists at most explainTop spans', () => {
    const text = '못생긴 게 나대기는 얼굴 보니까 딱 사기꾼 상이네 방송 나오지 마라';
    const reason = reasonOf(
      text,
      policyWith((c) => (c.explainTop = 1)),
    );
    expect(reason?.match).toBeDefined();
    expect(reason?.matches).toBeUndefined();
  });

  it('publishes civil comments whose letters come close to an insult, as the allow-list protects them', () => {
    for (const text of ['새끼 고양이 세 마리가 태어났다', '청년들 일자리 문제', '시발점', '껌을 씹다', 'I grew up in Scunthorpe']) {
      expect(verdictOf(text).decision).toBe('publish');
    }
  });

  it('is off when the policy turns it off', () => {
    expect(
      reasonOf(
        MOCKERY,
        policyWith((c) => (c.enabled = false)),
      ),
    ).toBeUndefined();
  });

  it('is on, with the shipped thresholds, for a stored policy from before the classifier', () => {
    const { classifier: _, ...older } = structuredClone(DEFAULT_POLICY);
    const policy = compilePolicy(older);
    expect(policy.definition.classifier).toEqual(DEFAULT_POLICY.classifier);
    expect(reasonOf(MOCKERY, policy)?.action).toBe('hold');
  });

  it('refuses thresholds outside [0, 1]', () => {
    expect(() => policyWith((c) => (c.ko.holdAt = 1.5))).toThrow();
  });
});
