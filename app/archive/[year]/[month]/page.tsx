import { ArchiveMonth, archiveMonthMetadata, archiveStaticParams } from '@/components/site/ArchiveRoute';

// The first page of every month with stories is prerendered; any other month is a 404.
export const dynamicParams = false;

export const generateStaticParams = archiveStaticParams;

export async function generateMetadata({ params }: PageProps<'/archive/[year]/[month]'>) {
  const { year, month } = await params;
  return archiveMonthMetadata(year, month);
}

export default async function ArchiveMonthPage({ params }: PageProps<'/archive/[year]/[month]'>) {
  const { year, month } = await params;
  return <ArchiveMonth rawYear={year} rawMonth={month} />;
}
