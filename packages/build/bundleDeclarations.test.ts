import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleDeclarations } from './bundleDeclarations';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('bundleDeclarations', () => {
  it('prints zod-inferred types expanded, with each field JSDoc, and imports nothing', () => {
    const bundle = bundleDeclarations({ entry: fixture('documentedEntry.ts') });
    expect(bundle).not.toMatch(/\bimport\b|zod/);
    expect(bundle).toContain('/** Amount in cents. */');
    expect(bundle).toMatch(/amount: number;/);
    expect(bundle).toMatch(/destination: "debit" \| "ach";/);
    expect(bundle).toMatch(/note\?: string;/);
    expect(bundle).toContain('declare function send(payout: Payout): Promise<void>;');
    expect(bundle).toContain('export { send, type Payout };');
  });

  it('refuses to publish a field without JSDoc', () => {
    expect(() => bundleDeclarations({ entry: fixture('undocumentedEntry.ts') })).toThrow(
      'no JSDoc on Undocumented.secret_field',
    );
  });

  it("keeps a package's own name and a peer's import over the same names of a file it derives from", () => {
    const bundle = bundleDeclarations({
      entry: fixture('ownNames/entry.ts'),
      external: ['playwright-core'],
      compilerOptions: { types: ['node'] },
    });
    expect(bundle).toContain("import type { Page } from 'playwright-core';");
    expect(bundle).toContain("type Topic = 'own';");
    expect(bundle).not.toMatch(/'shared'|'home'/);
    expect(bundle).toContain('interface Delivery');
  });
});
