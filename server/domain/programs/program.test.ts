import { describe, expect, it } from 'vitest';
import { isOrigin, normalizeOrigin } from './program';

describe('host origins', () => {
  it.each([
    'https://shop.example',
    'https://shop.example/',
    'https://Shop.Example:8443',
    'http://localhost:3000',
    'http://127.0.0.1',
  ])('accepts %s', (value) => expect(isOrigin(value)).toBe(true));

  it.each([
    'http://shop.example',
    'https://shop.example/path',
    'https://shop.example?x=1',
    'https://shop.example#top',
    'https://user:pw@shop.example',
    'ftp://shop.example',
    'shop.example',
    'http://localhost.evil.example',
  ])('rejects %s', (value) => expect(isOrigin(value)).toBe(false));

  it('normalizes case, default port and trailing slash before allowlist comparison', () => {
    expect(normalizeOrigin('https://Shop.Example:443/')).toBe('https://shop.example');
  });
});
