import { describe, expect, it } from '@jest/globals';
import { cleanDisplayName, displayNameFrom, emailFrom, subjectFrom } from './profile-fields.js';

describe('what providers say about a person', () => {
  it.each([
    ['keeps an ordinary name', '  Kim Ji-woo ', 'Kim Ji-woo'],
    ['drops U+0000', 'Kim\u0000 Ji-woo', 'Kim Ji-woo'],
    ['puts U+FFFD for an unpaired surrogate', 'Kim \uD83D', 'Kim \uFFFD'],
    ['cuts a long name to 80 code units', 'a'.repeat(100), 'a'.repeat(80)],
    ['cuts before an emoji that would be split at the 80th unit', `${'a'.repeat(79)}\u{1F44D}`, 'a'.repeat(79)],
  ])('a display name: %s', (_name, raw, expected) => {
    expect(cleanDisplayName(raw)).toBe(expected);
  });

  it('falls back to a neutral name when nothing but what cannot be stored is left', () => {
    expect(displayNameFrom(['\u0000 ', 42], 'user-1234')).toBe('Reader user1234');
  });

  it.each([
    ['an address', 'kim@example.com', 'kim@example.com'],
    ['an address with U+0000', 'kim\u0000@example.com', undefined],
    ['an address with an unpaired surrogate', 'kim\uD800@example.com', undefined],
  ])('uses %s as it is or not at all', (_name, raw, expected) => {
    expect(emailFrom(raw)).toBe(expected);
  });

  it.each([
    ['a string id', 'abc-123', 'abc-123'],
    ['a numeric id (Kakao)', 4242, '4242'],
    ['an id with U+0000', 'abc\u0000', undefined],
    ['an id with an unpaired surrogate', 'abc\uDC00', undefined],
  ])('uses %s as it is or not at all', (_name, raw, expected) => {
    expect(subjectFrom(raw)).toBe(expected);
  });
});
