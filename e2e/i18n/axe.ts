import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { REPO_ROOT } from '../../server/config';

const AXE_SOURCE = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The rule sets the widget promises: WCAG 2.2 AA plus axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core inside `frame` and returns one line per violation (`rule: targets`), empty
 * when the page passes. Injected over CDP, which the widget's CSP does not govern.
 */
export async function axeViolations(frame: Frame): Promise<string[]> {
  const injected = await frame.evaluate(() => 'axe' in window);
  if (!injected) await frame.evaluate(`${AXE_SOURCE}\n;undefined`);
  return frame.evaluate(async (tags) => {
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResult> } })
      .axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  }, AXE_TAGS);
}
