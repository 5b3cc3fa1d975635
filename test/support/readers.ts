/**
 * Readers for deploy and restart tests and the deploy benchmark: a few loops of requests on loopback, each
 * waiting for its answer before the next (bounded by `stop()` and by `maxSeconds`), recording every failure
 * and every page they were served, so a test can check the chunks those pages reference.
 */
import { request, type Answer } from './edge-harness';

export interface ReaderFailure {
  path: string;
  what: string;
}

export class Readers {
  readonly failures: ReaderFailure[] = [];
  /** Every HTML page served, by the X-Release of the origin that made it (the edge keeps that header). */
  readonly pages = new Map<string, string>();
  answered = 0;
  private running = true;
  private readonly loops: Promise<void>[];

  /**
   * `connections` loops against `base`, cycling through `paths` (each with `headers`), for at most `maxSeconds`.
   * `accept(answer)` says whether an answer is what a reader should get (default: a 2xx).
   */
  constructor(
    base: string,
    paths: string[],
    {
      connections = 4,
      maxSeconds = 120,
      headers = {},
      accept = (a: Answer) => a.status >= 200 && a.status < 300,
      fetchAssets = false,
    }: {
      connections?: number;
      maxSeconds?: number;
      headers?: Record<string, string>;
      accept?: (answer: Answer) => boolean;
      /** Like a browser: after each page, fetch every `/_next/static` file it references (each must answer 200). */
      fetchAssets?: boolean;
    } = {},
  ) {
    const deadline = Date.now() + maxSeconds * 1000;
    this.loops = Array.from({ length: connections }, async (_, loop) => {
      for (let i = loop; this.running && Date.now() < deadline; i++) {
        const path = paths[i % paths.length]!;
        try {
          const answer = await request(base, path, { headers, timeoutMs: 20_000 });
          this.answered++;
          if (!accept(answer)) this.failures.push({ path, what: `status ${answer.status}` });
          else if (String(answer.headers['content-type']).includes('text/html')) {
            this.pages.set(`${answer.headers['x-release'] ?? '?'} ${path}`, answer.body);
            if (fetchAssets) {
              for (const file of staticFilesOf(answer.body)) {
                const asset = await request(base, file, { timeoutMs: 20_000 }).catch((error: Error) => ({
                  status: error.message,
                }));
                this.answered++;
                if (asset.status !== 200)
                  this.failures.push({ path: `${file} (of ${path})`, what: `status ${asset.status}` });
              }
            }
          }
        } catch (error) {
          this.failures.push({ path, what: (error as Error).message });
        }
      }
    });
  }

  /** Stops the loops after their requests in flight; resolves when they are done. */
  async stop(): Promise<this> {
    this.running = false;
    await Promise.all(this.loops);
    return this;
  }
}

/** Every `/_next/static/…` file a page references (scripts, stylesheets, fonts, preloads). */
export function staticFilesOf(html: string): string[] {
  return [...new Set([...html.matchAll(/\/_next\/static\/[^"'\s)\\]+/g)].map((m) => m[0]!.replaceAll('&amp;', '&')))];
}
