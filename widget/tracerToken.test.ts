import { afterEach, describe, expect, it } from 'vitest';
import { fallbackTracerToken } from './tracerToken';

afterEach(() => document.head.querySelector('meta[name="tokenframe-tracer-token"]')?.remove());

function serviceMeta(content: string) {
  const meta = document.createElement('meta');
  meta.name = 'tokenframe-tracer-token';
  meta.content = content;
  document.head.append(meta);
}

describe('fallbackTracerToken', () => {
  it('uses the session tracer token the service put in the document', () => {
    serviceMeta('trc_Abc-123_xyz');
    expect(fallbackTracerToken()).toBe('trc_Abc-123_xyz');
  });

  it('makes up a fresh random token when the tag is missing', () => {
    const first = fallbackTracerToken();
    expect(first).toMatch(/^trc_[0-9a-f]{24}$/);
    expect(fallbackTracerToken()).not.toBe(first);
  });

  it('ignores a tag no event could carry (empty or over 100 characters)', () => {
    serviceMeta('');
    expect(fallbackTracerToken()).toMatch(/^trc_[0-9a-f]{24}$/);
    document.head.querySelector('meta[name="tokenframe-tracer-token"]')?.remove();
    serviceMeta(`trc_${'x'.repeat(100)}`);
    expect(fallbackTracerToken()).toMatch(/^trc_[0-9a-f]{24}$/);
  });
});
