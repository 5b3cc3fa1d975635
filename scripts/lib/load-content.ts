/**
 * Loads every content module from a project folder the way an editor sees them: every file in
 * content/stories/ (not only those the registry lists), each import failure reported as a problem.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContentProblem, ContentSource, ContentSources } from '@/lib/content/validate';

export const STORIES_DIR = 'content/stories';
export const REGISTRY_FILE = `${STORIES_DIR}/index.ts`;

/** Story module files, relative to the project root, sorted. */
export function storyFiles(root: string): string[] {
  return readdirSync(path.join(root, STORIES_DIR))
    .filter((name) => /\.tsx?$/.test(name) && !/^index\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => `${STORIES_DIR}/${name}`);
}

/** The first lines of an import failure, with the project's absolute path taken out. */
function describeFailure(root: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split(root + path.sep)
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' ');
}

export async function loadContentSources(root: string): Promise<{ sources: ContentSources; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const load = async (file: string): Promise<ContentSource> => {
    try {
      const module = (await import(pathToFileURL(path.join(root, file)).href)) as { default?: unknown };
      if (module.default === undefined) {
        problems.push({ file, field: '', message: 'has no default export — end the record with export default defineStory({ … }) (or the list for authors, sections, tags)', severity: 'error' });
      }
      return { file, data: module.default };
    } catch (error) {
      problems.push({ file, field: '', message: `cannot be read — ${describeFailure(root, error)} — fix the file's syntax at that line`, severity: 'error' });
      return { file, data: undefined };
    }
  };

  const stories: ContentSource[] = [];
  for (const file of storyFiles(root)) {
    const source = await load(file);
    if (source.data !== undefined) stories.push(source);
  }
  const registry = await load(REGISTRY_FILE);
  const sources: ContentSources = {
    stories,
    authors: await load('content/authors.ts'),
    sections: await load('content/sections.ts'),
    tags: await load('content/tags.ts'),
  };
  if (Array.isArray(registry.data)) sources.registry = { file: REGISTRY_FILE, entries: registry.data };
  return { sources, problems };
}
