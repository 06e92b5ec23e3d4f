import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';

/**
 * Makes `target` exist, complete, built by `build` at most once however many processes ask at
 * the same time: each builds into its own staging folder beside `target` and renames it into
 * place, which is atomic, so a `target` that exists is always whole. A process that loses the
 * race drops its copy and uses the winner's. `isComplete` says whether `target` is usable
 * (checked first, and again after a failed rename); a failed build leaves nothing behind.
 */
export async function buildFolderOnce(
  target: string,
  isComplete: () => boolean,
  build: (staging: string) => Promise<void>,
): Promise<void> {
  if (isComplete()) return;
  const staging = `${target}.building-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await mkdir(staging, { recursive: true });
  try {
    await build(staging);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process finished first (the rename found its folder there): use that one.
    if (existsSync(target) && isComplete()) return;
    throw error;
  }
}
