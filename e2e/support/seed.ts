import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The source story as the publisher printed it, copied verbatim into the repository (test/fixtures/README.md
 * says where from and how to read it), so the fidelity tests need nothing outside the project.
 */
export const SEED_FILE = path.resolve(import.meta.dirname, '../../test/fixtures/putin-heads-to-pyongyang.txt');

export const ENLARGE_LABEL = '기사 이미지 확대 보기';

export function readSeed() {
  const lines = readFileSync(SEED_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim());
  const [headline = '', , bylineAndTimes = '', captionWithCredit = '', ...rest] = lines;
  // The last line is the label of the publisher's "enlarge article image" control, not article text.
  const paragraphs = rest.filter((line) => line && line !== ENLARGE_LABEL);
  const credit = captionWithCredit.split(' ').at(-1) ?? '';
  return {
    headline,
    bylineAndTimes,
    caption: captionWithCredit.slice(0, -credit.length).trim(),
    credit,
    /** Body paragraphs; the first opens with the dateline "SEOUL, June 18 (AJU PRESS) -". */
    paragraphs,
  };
}
