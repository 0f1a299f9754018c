// What providers send about a person is input like any other: bounded, typed, trimmed here before
// it reaches the database or a page. A name is made storable (the person cannot fix their provider's
// profile); an id or an address that PostgreSQL cannot store is not used at all, never altered, since
// an altered id could become someone else's.
import { isStorableText, toStorableText } from '@/common/validation/storable.js';

const MAX_NAME_LENGTH = 80;
const MAX_EMAIL_LENGTH = 254;
const MAX_SUBJECT_LENGTH = 255;

/** The first non-blank candidate, cut to a sane length, or a neutral name derived from the subject. */
export function displayNameFrom(candidates: unknown[], subject: string): string {
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const name = cleanDisplayName(candidate);
    if (name) return name;
  }
  return `Reader ${subject.replace(/[^A-Za-z0-9]/g, '').slice(-8) || 'anonymous'}`;
}

/** A provider's name for a person, storable, trimmed and cut to its length without splitting a character. */
export function cleanDisplayName(raw: string): string {
  const name = toStorableText(raw).trim();
  if (name.length <= MAX_NAME_LENGTH) return name;
  const cut = /[\uD800-\uDBFF]/.test(name[MAX_NAME_LENGTH - 1]!) ? MAX_NAME_LENGTH - 1 : MAX_NAME_LENGTH;
  return name.slice(0, cut).trimEnd();
}

export function emailFrom(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim();
  return email.length <= MAX_EMAIL_LENGTH && /^[^\s@]+@[^\s@]+$/.test(email) && isStorableText(email) ? email : undefined;
}

/** A provider's user id: Kakao sends a number, the others strings. */
export function subjectFrom(value: unknown): string | undefined {
  const subject = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof subject === 'string' && subject.length > 0 && subject.length <= MAX_SUBJECT_LENGTH && isStorableText(subject) ? subject : undefined;
}

/** Only a literal `true` counts: some providers send "true" strings or omit the flag. */
export function isVerified(flag: unknown): boolean {
  return flag === true;
}
