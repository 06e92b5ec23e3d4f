import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config';

/** A fenced code block of the README that carries a file name: ```js title="server.mjs"```. */
export interface ReadmeBlock {
  title: string;
  language: string;
  code: string;
}

/** Every titled code block of README.md, in order: the files a merchant copies. */
export function readmeBlocks(): ReadmeBlock[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks: ReadmeBlock[] = [];
  for (const match of readme.matchAll(/^```(\w+) title="([^"]+)"\n([\s\S]*?)^```$/gm)) {
    blocks.push({ language: match[1]!, title: match[2]!, code: match[3]! });
  }
  return blocks;
}
