import { ArchiveMonth, archiveMonthMetadata, archiveStaticParams } from '@/components/site/ArchiveRoute';

// The first page of every month with stories at build is prerendered; a month a later publish adds renders on
// first request; any other month is a 404 from proxy.ts (lib/content/read/known-paths.ts).
export const dynamicParams = true;

export const generateStaticParams = archiveStaticParams;

export async function generateMetadata({ params }: PageProps<'/archive/[year]/[month]'>) {
  const { year, month } = await params;
  return archiveMonthMetadata(year, month);
}

export default async function ArchiveMonthPage({ params }: PageProps<'/archive/[year]/[month]'>) {
  const { year, month } = await params;
  return <ArchiveMonth rawYear={year} rawMonth={month} />;
}
