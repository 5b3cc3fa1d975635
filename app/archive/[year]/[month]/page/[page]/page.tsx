import { ArchiveMonth, archiveMonthMetadata } from '@/components/site/ArchiveRoute';

// A busy month's page 2 onwards: rendered on first request, then cached until a publish changes it.
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/archive/[year]/[month]/page/[page]'>) {
  const { year, month, page } = await params;
  return archiveMonthMetadata(year, month, page);
}

export default async function ArchiveMonthListingPage({ params }: PageProps<'/archive/[year]/[month]/page/[page]'>) {
  const { year, month, page } = await params;
  return <ArchiveMonth rawYear={year} rawMonth={month} rawPage={page} />;
}
