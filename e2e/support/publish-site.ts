/**
 * A site to publish to, for real (e2e/publish.spec.ts): a temp copy of the project to publish from; origins
 * started from a release of the same code and content (the suite's own build, LATEST_RELEASE), each behind a counting proxy (test/support/edge-harness.ts), sharing one
 * store (a folder, or Redis when given); real Varnish (`npm run edge`) in front; `content:publish` run in the
 * copy as an editor runs it. Loopback only, free ports, every process stopped by `stop()`.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import seed from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import { storyFilePath } from '@/lib/content/model/validate';
import { Edge, Origin } from '@/test/support/edge-harness';
import { freePort } from '@/test/support/free-port';
import { CONTENT_PUBLISH_ARGS, createTempProject, type TempProject } from '@/test/support/temp-project';

export { seed };

export interface StoryChange {
  slug: string;
  headline: string;
  postedAt?: string;
  publishAt?: string;
  extra?: Record<string, unknown>;
}

const storySource = (data: object) =>
  `import { defineStory } from '@/content/schema';\n\nexport default defineStory(${JSON.stringify(data, null, 2)});\n`;

export class PublishSite {
  readonly origins: Origin[] = [];
  edge?: Edge;
  /** Where the edge listens (chosen first: origins purge it when an embargo lifts). */
  edgeUrl = '';
  readonly secret = randomBytes(24).toString('hex');
  readonly storeDir = mkdtempSync(path.join(os.tmpdir(), 'aju-publish-store-'));
  private readonly files = new Map<string, string>();
  private readonly takedowns: { slug: string; date: string; reason: string }[] = [];

  private constructor(
    readonly project: TempProject,
    private readonly builtRelease?: string,
  ) {}

  /** A copy of the project to publish from, unbuilt: its origins run `release` (a build of the same code). */
  static async copy(release?: string): Promise<PublishSite> {
    const site = new PublishSite(createTempProject('aju-publish-'), release);
    site.edgeUrl = `http://127.0.0.1:${await freePort()}`;
    return site;
  }

  /** The release every origin runs: the one given, else the copy's own (if it was built). */
  get release() {
    return this.builtRelease ?? path.join(this.project.dir, '.next-releases', 'latest');
  }

  /** What every origin is started with: the shared store, the secret, the edge for its embargo purges. */
  originEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      CONTENT_STORE_DIR: this.storeDir,
      PUBLISH_SECRET: this.secret,
      ...(this.edgeUrl ? { EDGE_URL: this.edgeUrl } : {}),
      ...extra,
    };
  }

  async startOrigin(extra: Record<string, string> = {}): Promise<Origin> {
    const origin = await Origin.start(this.release, this.originEnv(extra));
    this.origins.push(origin);
    return origin;
  }

  /**
   * Starts `count` origins at once, in that order in `origins`: each spends most of its start waiting for its
   * server to answer. Every one that started is kept for `stop()`, even when another failed.
   */
  async startOrigins(count: number, extra: Record<string, string> = {}): Promise<Origin[]> {
    const results = await Promise.allSettled(
      Array.from({ length: count }, () => Origin.start(this.release, this.originEnv(extra))),
    );
    const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    this.origins.push(...started);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return started;
  }

  /** `npm run content:publish` in the copy, to these origins and the edge. */
  publish(env: Record<string, string> = {}, origins: Origin[] = this.origins): Promise<{ code: number; out: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        CONTENT_PUBLISH_ARGS,
        {
          cwd: this.project.dir,
          env: {
            ...process.env,
            PUBLISH_ORIGINS: origins.map((o) => o.url).join(','),
            PUBLISH_SECRET: this.secret,
            CONTENT_STORE_DIR: this.storeDir,
            EDGE_URL: this.edge ? this.edge.url : '',
            ...env,
          },
          timeout: 120_000,
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
      );
    });
  }

  /** Writes a story like the seed with this slug and headline (and the seed's photo, already on every origin). */
  writeStory(change: StoryChange): void {
    const postedAt = change.postedAt ?? new Date(Date.now() - 60_000).toISOString();
    const data = {
      ...seed,
      slug: change.slug,
      headline: change.headline,
      postedAt,
      updatedAt: postedAt,
      ...(change.publishAt ? { publishAt: change.publishAt } : {}),
      ...change.extra,
    };
    const previous = this.files.get(change.slug);
    const file = storyFilePath(change.slug, postedAt);
    if (previous && previous !== file) rmSync(path.join(this.project.dir, previous));
    this.project.write(file, storySource(data));
    this.files.set(change.slug, file);
  }

  /**
   * Writes a photo the build never had (the seed's, mirrored, so its bytes are new) at `src` under the copy's
   * public/: only a publish can bring it to the origins. Returns its length in bytes.
   */
  async writePhoto(src: string): Promise<number> {
    const bytes = await sharp(path.join(this.project.dir, 'public', seed.leadPhoto.src))
      .flop()
      .jpeg({ quality: 80 })
      .toBuffer();
    this.project.write(path.join('public', src), bytes);
    return bytes.length;
  }

  /** Writes any text as a story file (a broken one, for the check). */
  writeRaw(file: string, text: string): void {
    this.project.write(file, text);
  }

  removeRaw(file: string): void {
    rmSync(path.join(this.project.dir, file), { force: true });
  }

  removeStory(slug: string): void {
    const file = this.files.get(slug);
    if (file) rmSync(path.join(this.project.dir, file));
    this.files.delete(slug);
  }

  /** A takedown as an editor makes one: the story's file deleted, its slugs added to content/takedowns.ts. */
  takeDown(slug: string, ...oldSlugs: string[]): void {
    this.removeStory(slug);
    const date = new Date().toISOString();
    this.takedowns.push(...[slug, ...oldSlugs].map((s) => ({ slug: s, date, reason: 'A test of takedowns' })));
    this.project.write(
      'content/takedowns.ts',
      `import { defineTakedowns } from './schema';

export default defineTakedowns(${JSON.stringify(this.takedowns, null, 2)});
`,
    );
  }

  /** The store's current version (what origins started later serve). */
  currentVersion(): string | undefined {
    try {
      return (JSON.parse(readFileSync(path.join(this.storeDir, 'current.json'), 'utf8')) as { version: string })
        .version;
    } catch {
      return undefined;
    }
  }

  async startEdge(): Promise<Edge> {
    // Every reader here is one loopback address: no miss limit (e2e/edge-floods.spec.ts tests it).
    this.edge = await Edge.start(this.origins, { EDGE_MISS_LIMIT: '0' }, Number(new URL(this.edgeUrl).port));
    return this.edge;
  }

  async stop(): Promise<void> {
    await this.edge?.stop();
    await Promise.all(this.origins.map((o) => o.stop()));
    this.project.remove();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
