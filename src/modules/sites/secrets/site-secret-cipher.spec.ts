import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { SiteSecretCipher, SiteSecretKeyError } from './site-secret-cipher.js';

const SECRET = 'the-publishers-own-hs256-secret-of-32-characters';
const KEY = randomBytes(32);
const OTHER_KEY = randomBytes(32);

describe('SiteSecretCipher', () => {
  it('stores a secret as AES-GCM text that does not contain it, and reads it back', () => {
    const cipher = new SiteSecretCipher(KEY);
    const stored = cipher.seal('daily', SECRET);
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain(SECRET);
    expect(cipher.open('daily', stored)).toBe(SECRET);
    // A fresh IV each time: the same secret never looks the same twice.
    expect(cipher.seal('daily', SECRET)).not.toBe(stored);
  });

  it('refuses a value copied to another site, or altered', () => {
    const cipher = new SiteSecretCipher(KEY);
    const stored = cipher.seal('daily', SECRET);
    expect(() => cipher.open('english', stored)).toThrow(/site "english" does not decrypt/);
    const parts = stored.split(':');
    parts[4] = Buffer.from('x'.repeat(SECRET.length)).toString('base64url');
    expect(() => cipher.open('daily', parts.join(':'))).toThrow(SiteSecretKeyError);
  });

  it('names the variables when no configured key is the one a secret was encrypted with', () => {
    const stored = new SiteSecretCipher(KEY).seal('daily', SECRET);
    expect(() => new SiteSecretCipher(OTHER_KEY).open('daily', stored)).toThrow(/neither SITE_SECRETS_KEY nor one of SITE_SECRETS_OLD_KEYS/);
    expect(() => new SiteSecretCipher(undefined).open('daily', stored)).toThrow(/SITE_SECRETS_KEY is not set/);
  });

  it('reads secrets under an old key, and asks for them to be written again under the new one', () => {
    const old = new SiteSecretCipher(KEY);
    const rotated = new SiteSecretCipher(OTHER_KEY, [KEY]);
    const underOld = old.seal('daily', SECRET);
    expect(rotated.open('daily', underOld)).toBe(SECRET);
    expect(rotated.needsResealing(underOld)).toBe(true);
    const underNew = rotated.seal('daily', SECRET);
    expect(rotated.needsResealing(underNew)).toBe(false);
    expect(() => old.open('daily', underNew)).toThrow(SiteSecretKeyError);
  });

  it('passes a secret stored before encryption through, and asks for it to be encrypted once a key is set', () => {
    expect(new SiteSecretCipher(KEY).open('daily', SECRET)).toBe(SECRET);
    expect(new SiteSecretCipher(KEY).needsResealing(SECRET)).toBe(true);
    const keyless = new SiteSecretCipher(undefined);
    expect(keyless.encrypts).toBe(false);
    expect(keyless.seal('daily', SECRET)).toBe(SECRET);
    expect(keyless.needsResealing(SECRET)).toBe(false);
  });
});
