import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFolderOnce } from './buildFolderOnce';

let parent: string;
let target: string;
const complete = () => existsSync(join(target, 'done'));

beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'build-folder-once-'));
  target = join(parent, 'cache', '1.0.0');
});

afterEach(() => {
  rmSync(parent, { recursive: true, force: true });
});

/** A build that writes `who` into `done` once `release` resolves. */
function slowBuild(who: string, release: Promise<void>) {
  return async (staging: string) => {
    expect(dirname(staging)).toBe(dirname(target));
    await release;
    await writeFile(join(staging, 'done'), who);
  };
}

describe('buildFolderOnce', () => {
  it('builds into a staging folder beside the target, then leaves only the target', async () => {
    await buildFolderOnce(target, complete, slowBuild('only', Promise.resolve()));
    expect(readFileSync(join(target, 'done'), 'utf8')).toBe('only');
    expect(readdirSync(dirname(target))).toEqual(['1.0.0']);
  });

  it('does not build again when the target is complete', async () => {
    await buildFolderOnce(target, complete, slowBuild('first', Promise.resolve()));
    let builds = 0;
    await buildFolderOnce(target, complete, async () => {
      builds += 1;
    });
    expect(builds).toBe(0);
    expect(readFileSync(join(target, 'done'), 'utf8')).toBe('first');
  });

  it('two builds racing both succeed, one of them whole in place, no half-built folder left', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const racing = [
      buildFolderOnce(target, complete, slowBuild('a', gate)),
      buildFolderOnce(target, complete, slowBuild('b', gate)),
    ];
    release();
    await Promise.all(racing);
    expect(['a', 'b']).toContain(readFileSync(join(target, 'done'), 'utf8'));
    expect(readdirSync(dirname(target))).toEqual(['1.0.0']);
  });

  it('a failed build throws and leaves nothing behind', async () => {
    await expect(
      buildFolderOnce(target, complete, async (staging) => {
        await writeFile(join(staging, 'partial'), 'x');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readdirSync(dirname(target))).toEqual([]);
  });
});
