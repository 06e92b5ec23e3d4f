import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../../config';
import { WEBHOOK_TOPICS } from '../../../protocol/webhooks';

test('the README lists exactly the webhook topics the service records, no client-only event', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('Delivered topics, exactly these:'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| topic')));
  const listed = [...table.matchAll(/^\| `([a-z_.]+)` +\|/gm)].map((m) => m[1]);
  const recorded: string[] = [...WEBHOOK_TOPICS];
  expect([...listed].sort()).toEqual([...recorded].sort());
  for (const clientOnly of ['ready', 'page_load', 'session_error', 'terminal_failure_acknowledged'])
    expect(listed.join(' ')).not.toContain(clientOnly);
});
