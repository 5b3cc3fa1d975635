import { ArchiveYear, archiveStaticParams, archiveYearMetadata } from '@/components/site/ArchiveRoute';

// Every year with stories at build is prerendered; a year a later publish adds renders on first request;
// any other is a 404 from proxy.ts (lib/content/read/known-paths.ts).
export const dynamicParams = true;

export async function generateStaticParams() {
  const years = new Set((await archiveStaticParams()).map((p) => p.year));
  return [...years].map((year) => ({ year }));
}

export async function generateMetadata({ params }: PageProps<'/archive/[year]'>) {
  return archiveYearMetadata((await params).year);
}

export default async function ArchiveYearPage({ params }: PageProps<'/archive/[year]'>) {
  return <ArchiveYear rawYear={(await params).year} />;
}
