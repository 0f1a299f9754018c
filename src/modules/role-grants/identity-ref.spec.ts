import { describe, expect, it } from '@jest/globals';
import { parseIdentityRef } from './identity-ref.js';

describe('parseIdentityRef', () => {
  it.each([
    ['dev:alice', { provider: 'dev', subject: 'alice' }],
    ['oidc:248289761001', { provider: 'oidc', subject: '248289761001' }],
    ['sso:urn:publisher:42', { provider: 'sso', subject: 'urn:publisher:42' }],
    ['dev:desk reader', { provider: 'dev', subject: 'desk reader' }],
  ])('reads %s', (text, expected) => {
    expect(parseIdentityRef(text)).toEqual(expected);
  });

  it.each(['alice', ':alice', 'dev:', 'Dev:alice', 'dev: alice', 'dev:alice ', `dev:${'x'.repeat(513)}`])('refuses %j', (text) => {
    expect(parseIdentityRef(text)).toBeNull();
  });
});
