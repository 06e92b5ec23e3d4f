import { describe, expect, it } from 'vitest';
import { demoPageCsp, fillTemplate } from './pageRenderer';

describe('fillTemplate', () => {
  it('fills placeholders with attribute-safe escaped values', () => {
    expect(fillTemplate('<a title="{{T}}">{{T}}</a>', { T: '"><script>' })).toBe(
      '<a title="&quot;&gt;&lt;script&gt;">&quot;&gt;&lt;script&gt;</a>',
    );
  });

  it('throws on a placeholder without a value rather than shipping a broken page', () => {
    expect(() => fillTemplate('{{MISSING}}', {})).toThrow(/MISSING/);
  });
});

describe('demoPageCsp', () => {
  it('allows scripts and frames from the service origin only, and no inline script', () => {
    const csp = demoPageCsp('http://localhost:8080');
    expect(csp).toContain("script-src 'self' http://localhost:8080");
    expect(csp).toContain('frame-src http://localhost:8080');
    expect(csp).not.toContain('unsafe-inline');
  });
});
