/** content:publish's calls to the origins: POST /api/publish with the secret (decision 0023). */
import type { ContentChanges } from '../changes';
import { PUBLISH_PATH } from '../self-sync';
import { seconds } from './timings';

export interface OriginAnswer extends ContentChanges {
  version: string;
  /** Milliseconds each part of the origin's sync took. */
  timings?: Record<string, number>;
}

/** PUBLISH_ORIGINS, comma-separated (default: the one origin `npm run serve` starts). */
export const publishOrigins = (env = process.env) =>
  (env.PUBLISH_ORIGINS || 'http://127.0.0.1:3000')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);

/** An origin that could not be reached: it follows the store by itself once it can (lib/publish/store-watch.ts). */
class OriginAway extends Error {}

/** PUBLISH_ORIGIN_TIMEOUT_MS: how long one origin's sync may take (a first sync at 10,000 stories takes seconds). */
const originTimeoutMs = (env = process.env) => Number(env.PUBLISH_ORIGIN_TIMEOUT_MS) || 120_000;

export async function syncOrigin(origin: string, secret: string): Promise<OriginAnswer> {
  let answer: Response;
  try {
    answer = await fetch(new URL(PUBLISH_PATH, origin), {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}` },
      signal: AbortSignal.timeout(originTimeoutMs()),
    });
  } catch (error) {
    throw new OriginAway(`${origin} did not answer (${(error as Error).cause ?? (error as Error).message})`);
  }
  if (answer.status === 401)
    throw new Error(`${origin} refused the secret (401): set the same PUBLISH_SECRET here and on the origin`);
  if (!answer.ok) throw new Error(`${origin} answered ${answer.status}: ${(await answer.text()).trim()}`);
  return (await answer.json()) as OriginAnswer;
}

const AWAY_NOTE = 'it reads the store by itself and follows within seconds of answering again';

/**
 * Before anything changes, every origin that answers must take the secret and read the store (a sync to the
 * version it serves changes nothing), so a wrong secret leaves the site as it was. An origin that does not
 * answer holds nothing up: it is named, and catches up by itself. Returns the paths those syncs refreshed
 * (a publish cut off before): they are purged too.
 */
export async function preflightOrigins(origins: string[], secret: string): Promise<string[]> {
  const answers = await Promise.allSettled(origins.map((origin) => syncOrigin(origin, secret)));
  const failures = answers.flatMap((a) => (a.status === 'rejected' ? [a.reason as Error] : []));
  const refused = failures.filter((error) => !(error instanceof OriginAway));
  if (refused.length) throw new Error(refused.map((error) => `origin ${error.message}`).join('\n✖ '));
  for (const away of failures) console.error(`! origin ${away.message}: publishing anyway; ${AWAY_NOTE}.`);
  return answers.flatMap((a) => (a.status === 'fulfilled' ? a.value.paths : []));
}

export interface SyncReport {
  paths: Set<string>;
  everything: boolean;
  /** One origin's answer: what changed (every origin computes the same). */
  changes?: OriginAnswer;
  failed: boolean;
}

/** Tells every origin to sync to `version`; prints each answer and gathers the paths they refreshed. */
export async function syncOrigins(origins: string[], secret: string, version: string): Promise<SyncReport> {
  const answers = await Promise.allSettled(origins.map((origin) => syncOrigin(origin, secret)));
  const report: SyncReport = { paths: new Set(), everything: false, failed: false };
  answers.forEach((answer, i) => {
    if (answer.status === 'rejected') {
      report.failed = true;
      const error = answer.reason as Error;
      console.error(`✖ origin ${error.message}${error instanceof OriginAway ? `: ${AWAY_NOTE}` : ''}`);
      return;
    }
    const { value } = answer;
    if (value.version !== version) {
      report.failed = true;
      console.error(
        `✖ origin ${origins[i]} serves ${value.version}, not ${version}: does it read the same store (REDIS_URL / CONTENT_STORE_DIR)?`,
      );
      return;
    }
    const took = Object.entries(value.timings ?? {}).map(([part, ms]) => `${part} ${seconds(ms)}`);
    console.log(
      `✔ origin ${origins[i]}: ${value.paths.length} pages revalidated${took.length ? ` (${took.join(', ')})` : ''}`,
    );
    for (const p of value.paths) report.paths.add(p);
    report.everything ||= value.everything;
    report.changes ??= value;
  });
  return report;
}
