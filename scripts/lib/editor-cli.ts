/**
 * What the editors' scaffolding commands share (npm run new-story, npm run new-update): failing with one clear
 * line, and finding a story's file by its slug among the content files.
 */
import path from 'node:path';
import { isUpdateFile } from '@/lib/content/model/live';
import { storyFiles } from '../../lib/content-check/load-sources';

/** Prints the message as an error line and exits 1: the commands' only way to refuse. */
export function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/** Every story file (not an update's) in the project at `root`, by slug (its file name). */
export function storyFilesBySlug(root: string): Map<string, string> {
  return new Map(
    storyFiles(root)
      .filter((file) => !isUpdateFile(file))
      .map((file) => [path.basename(file, path.extname(file)), file]),
  );
}
