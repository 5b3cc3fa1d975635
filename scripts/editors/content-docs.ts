// npm run content:docs [-- --check]: regenerates CONTENT.md's generated regions (scripts/lib/content-docs.ts);
// --check only compares, and exits 1 if CONTENT.md is out of date (as test/content-docs.test.ts does).
import { readFileSync, writeFileSync } from 'node:fs';
import { CONTENT_MD, renderContentDocs } from '../lib/content-docs';

const current = readFileSync(CONTENT_MD, 'utf8');
const next = await renderContentDocs(current);
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('✖ CONTENT.md is out of date with the schema — run npm run content:docs and commit it.');
    process.exit(1);
  }
  console.log('✔ CONTENT.md is up to date.');
} else {
  writeFileSync(CONTENT_MD, next);
  console.log(next === current ? '✔ CONTENT.md was already up to date.' : '✔ CONTENT.md regenerated.');
}
