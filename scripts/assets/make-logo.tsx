/**
 * Draws the publisher logo of structured data and feeds (public/logo.png, 512×512): the wordmark in Source Serif 4
 * Bold on the site's accent red. Run once; the PNG is committed.
 *
 *   npx tsx scripts/assets/make-logo.tsx
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { LOGO } from '@/lib/seo/json-ld';

const FONT = 'node_modules/@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf';

function wordmark() {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        width: '100%',
        height: '100%',
        padding: 56,
        background: '#a3161b',
        color: '#ffffff',
        fontFamily: 'Source Serif 4',
        fontSize: 132,
        lineHeight: 1,
      }}
    >
      <div style={{ display: 'flex' }}>Aju</div>
      <div style={{ display: 'flex' }}>Press</div>
    </div>
  );
}

async function main() {
  const font = await readFile(path.join(process.cwd(), FONT));
  const response = new ImageResponse(wordmark(), {
    width: LOGO.width,
    height: LOGO.height,
    fonts: [{ name: 'Source Serif 4', data: font, weight: 700, style: 'normal' }],
  });
  const out = path.join(process.cwd(), 'public', LOGO.path);
  await writeFile(out, Buffer.from(await response.arrayBuffer()));
  console.log(`wrote ${path.relative(process.cwd(), out)} (${LOGO.width}×${LOGO.height})`);
}

await main();
