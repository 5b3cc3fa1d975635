import { stylesheetParts } from '@/app/stylesheet';
import { printCss } from '@/lib/stylesheet-sheets';

// Every sheet's print rules (app/styles), which pages link with media="print" (decision 0052). Written at build.
export const dynamic = 'force-static';

export function GET() {
  return new Response(printCss(stylesheetParts()), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}
