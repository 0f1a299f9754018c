import { describe, expect, it } from '@jest/globals';
import { isStorableText, isStorableTime, toStorableText, unstorableTextPaths } from './storable.js';

describe('isStorableText', () => {
  it.each([
    ['plain text', 'hello, 안녕', true],
    ['an emoji (a surrogate pair)', 'ok \u{1F44D}', true],
    ['the empty string', '', true],
    ['U+0000', 'a\u0000b', false],
    ['a high surrogate alone', 'a\uD83Db', false],
    ['a low surrogate alone', '\uDC4Dz', false],
    ['a pair in the wrong order', '\uDC4D\uD83D', false],
    ['a high surrogate at the end', 'end\uD83D', false],
  ])('%s', (_name, text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });
});

describe('toStorableText', () => {
  it('drops U+0000 and puts U+FFFD for each unpaired surrogate, keeping pairs', () => {
    expect(toStorableText('a\u0000b\uD83Dc\u{1F44D}\uDC4D')).toBe('ab\uFFFDc\u{1F44D}\uFFFD');
  });

  it('leaves storable text alone', () => {
    expect(toStorableText('김지우 \u{1F468}\u200D\u{1F469}')).toBe('김지우 \u{1F468}\u200D\u{1F469}');
  });
});

describe('unstorableTextPaths', () => {
  it('finds nothing in storable JSON', () => {
    expect(unstorableTextPaths({ a: ['x', 1, null, true, { b: 'y' }], c: 'z' })).toEqual([]);
  });

  it('names each offending string by its path, in document order', () => {
    const body = { body: 'a\u0000', items: [{ reason: 'ok' }, { reason: '\uD800' }], nested: { deeper: { list: ['fine', 'bad\u0000'] } } };
    expect(unstorableTextPaths(body)).toEqual([['body'], ['items', 1, 'reason'], ['nested', 'deeper', 'list', 1]]);
  });

  it('names an offending object key', () => {
    expect(unstorableTextPaths({ lists: { 'bad\u0000key': ['x'] } })).toEqual([['lists', 'bad\u0000key']]);
  });

  it('names a bare string as the empty path', () => {
    expect(unstorableTextPaths('\u0000')).toEqual([[]]);
  });

  it('walks JSON nested deeper than the call stack goes', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [path] = unstorableTextPaths(deep);
    expect(path).toHaveLength(100_000);
  });

  it('reports the first twenty of many', () => {
    expect(unstorableTextPaths(Array.from({ length: 1000 }, () => '\u0000'))).toEqual(Array.from({ length: 20 }, (_, i) => [i]));
  });
});

describe('isStorableTime', () => {
  it.each([
    ['year 1', '0001-01-01T00:00:00.000Z', true],
    ['now', new Date().toISOString(), true],
    ['the last millisecond of 9999', '9999-12-31T23:59:59.999Z', true],
    ['year 0', '0000-12-31T00:00:00.000Z', false],
    ['year 10000', '+010000-01-01T00:00:00.000Z', false],
    ['a year before Christ', '-000100-01-01T00:00:00.000Z', false],
  ])('%s', (_name, iso, storable) => {
    expect(isStorableTime(new Date(iso))).toBe(storable);
  });

  it('refuses an invalid date', () => {
    expect(isStorableTime(new Date(Number.NaN))).toBe(false);
  });
});
