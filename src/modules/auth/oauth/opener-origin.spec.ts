import { describe, expect, it } from '@jest/globals';
import { ValidationFailedError } from '@/common/errors/app-error.js';
import { allowedOpenerOrigin } from './opener-origin.js';

const config = { publicUrl: 'https://comments.example.com', allowedOrigins: ['https://news.example.com', 'http://localhost:8080'] };

describe('allowedOpenerOrigin', () => {
  it.each([
    [undefined, 'https://comments.example.com'],
    ['', 'https://comments.example.com'],
    ['https://comments.example.com', 'https://comments.example.com'],
    ['https://news.example.com', 'https://news.example.com'],
    ['http://localhost:8080', 'http://localhost:8080'],
  ])('accepts %p as %p', (requested, expected) => {
    expect(allowedOpenerOrigin(requested, config)).toBe(expected);
  });

  it.each([
    'https://evil.example',
    'https://news.example.com.evil.example',
    'https://evil.example/https://news.example.com',
    'http://news.example.com',
    'https://news.example.com:443/',
    'https://news.example.com/',
    'https://news.example.com/path',
    'https://user@news.example.com',
    'HTTPS://NEWS.EXAMPLE.COM',
    'http://localhost:8081',
    '*',
    'null',
    'file:///etc/passwd',
    'javascript:alert(1)',
    ['https://news.example.com'],
    42,
  ])('refuses %p with VALIDATION_FAILED', (requested) => {
    expect(() => allowedOpenerOrigin(requested, config)).toThrow(ValidationFailedError);
  });
});
