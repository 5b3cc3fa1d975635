/**
 * The content pages read: in production from the snapshot this server serves (../serving), under next dev
 * and in scripts from every story module, validated on each request so an edit shows at once.
 */
import path from 'node:path';
import { cache } from 'react';
import type { Section } from '@/content/schema';
import { site } from '@/lib/site';
import { storyPath } from '../model/paths';
import { activeBanner, arrange, type Placed } from '../model/placements';
import type { Content, Story, StorySummary } from '../model/types';
import { productionVisibility } from '../model/visibility';
import { contentNow } from '../serving/content-clock';
import { liveListing, liveRecord } from '../serving/served-content';
import { buildContent, loadDefaultSources } from './build-content';
import { viewOf } from './live-view';
import { resolveStory } from './resolve';

const production = () => process.env.NODE_ENV === 'production';

const liveView = async () => viewOf(await liveListing(), contentNow());

/** Everything, validated, once per request under next dev (React's cache); once per call in scripts. */
const loadEverything = cache(async () =>
  buildContent(await loadDefaultSources(), {
    publicDir: path.join(process.cwd(), 'public'),
    visibility: productionVisibility(),
    leaveOutInvalidStories: true,
  }),
);

/**
 * Under next dev: the problems (file › field: what — fix) of the story with this slug when content:check
 * refuses it, so its page can show them; undefined for a valid story, an unknown slug, and always in production.
 */
export async function storyProblems(slug: string): Promise<string[] | undefined> {
  if (production()) return undefined;
  const { invalid } = await loadEverything();
  const file = [...(invalid?.keys() ?? [])].find((f) => path.basename(f).replace(/\.tsx?$/, '') === slug);
  return file ? invalid!.get(file) : undefined;
}

/** The site's published content (stories without their bodies), newest first. */
export async function getContent(): Promise<Content> {
  if (production()) return (await liveView()).content;
  return loadEverything();
}

/** The newest stories, which the build prerenders (site.prerenderStories); any other renders on first request. */
export async function prerenderedStories(): Promise<StorySummary[]> {
  return (await getContent()).stories.slice(0, site.prerenderStories);
}

/** One story in full, or undefined when no published story has this slug. */
export const getStory = cache(async (slug: string): Promise<Story | undefined> => {
  if (!production()) return (await loadEverything()).stories.find((s) => s.slug === slug);
  const { bySlug, records, hashes, linked } = await liveView();
  const summary = bySlug.get(slug);
  if (!summary) return undefined;
  return resolveStory(await liveRecord(hashes.get(slug)!), summary.file, records, linked);
});

export async function getSection(id: string) {
  const content = await getContent();
  const section = content.sections.find((s) => s.id === id);
  return section && { section, stories: content.stories.filter((s) => s.section.id === id) };
}

export async function getAuthor(id: string) {
  const content = await getContent();
  const author = content.authors.find((a) => a.id === id);
  return author && { author, stories: content.stories.filter((s) => s.authors.some((a) => a.id === id)) };
}

export async function getTag(id: string) {
  const content = await getContent();
  const tag = content.tags.find((t) => t.id === id);
  return tag && { tag, stories: content.stories.filter((s) => s.tags.some((t) => t.id === id)) };
}

/** Sections that have at least one published story, for navigation. */
export async function getActiveSections(): Promise<Section[]> {
  const content = await getContent();
  return content.sections.filter((section) => content.stories.some((s) => s.section.id === section.id));
}

/** "Now" for what placements show: the store's clock on a production server (decision 0046). */
const placementNow = () => (production() ? contentNow() : new Date());

// Slug lookups per list of stories: built once per published version, not per request.
const slugMaps = new WeakMap<readonly StorySummary[], Map<string, StorySummary>>();
function bySlugOf(stories: readonly StorySummary[]): Map<string, StorySummary> {
  let map = slugMaps.get(stories);
  if (!map) slugMaps.set(stories, (map = new Map(stories.map((s) => [s.slug, s]))));
  return map;
}

export interface Front {
  /** The editors' placements still showing, lead first (drafts, scheduled and ended ones left out). */
  placed: Placed<StorySummary>[];
  /** The newest stories not placed, at most `latest`. */
  latest: StorySummary[];
}

/** The front page (no section id) or a section's front: its placed stories, then the newest of the rest. */
export async function getFront(sectionId?: string, latest: number = site.listings.frontPageLatest): Promise<Front> {
  const content = await getContent();
  const arrangement = sectionId ? content.fronts.sections?.[sectionId] : content.fronts.home;
  const bySlug = bySlugOf(content.stories);
  const placed = arrange(arrangement, (slug) => bySlug.get(slug), placementNow());
  const taken = new Set(placed.map((p) => p.story.slug));
  const rest: StorySummary[] = [];
  for (const story of content.stories) {
    if (rest.length >= latest) break;
    if (!taken.has(story.slug) && (!sectionId || story.section.id === sectionId)) rest.push(story);
  }
  return { placed, latest: rest };
}

/** The breaking-news banner showing now, with its story's path; undefined when there is none. */
export async function getBreakingNews(): Promise<{ text: string; path: string; endsInMs?: number } | undefined> {
  const content = await getContent();
  const bySlug = bySlugOf(content.stories);
  const now = placementNow();
  const banner = activeBanner(content.breakingNews, (slug) => bySlug.has(slug), now);
  if (!banner) return undefined;
  const endsInMs = banner.until ? Date.parse(banner.until) - now.getTime() : undefined;
  return { text: banner.text, path: storyPath(banner.story), ...(endsInMs !== undefined ? { endsInMs } : {}) };
}
