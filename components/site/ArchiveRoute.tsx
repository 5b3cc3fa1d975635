/** The date archive: /archive (years), /archive/<year> (months with counts), /archive/<year>/<month> (stories, paginated). */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/JsonLd';
import { UsesSheets } from '@/components/site/InlineStylesheet';
import {
  ARCHIVE_PATH,
  archiveMonth,
  archiveMonthPath,
  archiveYear,
  archiveYearPath,
  archiveYears,
  getContent,
  paginate,
  parseMonth,
  parsePageNumber,
  parseYear,
} from '@/lib/content';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { site } from '@/lib/site';
import { monthName } from '@/lib/time';
import { ListingPage } from './ListingPage';

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'story' : 'stories'}`;

export async function archiveStaticParams() {
  const { stories } = await getContent();
  return archiveYears(stories).flatMap((y) =>
    y.months.map((m) => ({ year: String(y.year), month: String(m.month).padStart(2, '0') })),
  );
}

export const archiveIndexMetadata = (): Metadata =>
  pageMetadata({ path: ARCHIVE_PATH, title: 'Archive', description: `Every ${site.name} story, by year and month.` });

export async function ArchiveIndex() {
  const { stories } = await getContent();
  const years = archiveYears(stories);
  return (
    <div className="listing archive">
      <UsesSheets sheets={['listings']} />
      <JsonLd data={breadcrumbJsonLd([{ name: 'Archive', path: ARCHIVE_PATH }])} />
      <header className="listing__header">
        <h1 className="listing__title">Archive</h1>
        <p className="standfirst">
          Every story we have published, by year and month. All dates are in Korea Standard Time.
        </p>
      </header>
      {years.length === 0 ? (
        <p>No stories have been published yet.</p>
      ) : (
        <ul className="archive-years">
          {years.map((y) => (
            <li key={y.year}>
              <h2 className="archive-years__year">
                <a href={archiveYearPath(y.year)}>{y.year}</a> <span className="archive-count">{count(y.count)}</span>
              </h2>
              <ul className="archive-months archive-months--compact" aria-label={`Months of ${y.year}`}>
                {[...y.months].reverse().map((m) => (
                  <li key={m.month}>
                    {/* The name starts with the visible words ("Jun 2024"), as voice control users say them (WCAG 2.5.3). */}
                    <a href={archiveMonthPath(y.year, m.month)}>
                      <abbr title={monthName(m.month)}>{monthName(m.month).slice(0, 3)}</abbr>
                      <span className="visually-hidden"> {y.year}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

async function findYear(raw: string) {
  const year = parseYear(raw);
  return year === undefined ? undefined : archiveYear((await getContent()).stories, year);
}

export async function archiveYearMetadata(raw: string): Promise<Metadata> {
  const found = await findYear(raw);
  return found
    ? pageMetadata({
        path: archiveYearPath(found.year),
        title: `Archive: ${found.year}`,
        description: `${site.name} stories from ${found.year}, by month.`,
      })
    : {};
}

export async function ArchiveYear({ rawYear }: { rawYear: string }) {
  const found = await findYear(rawYear);
  if (!found) notFound();
  return (
    <div className="listing archive">
      <UsesSheets sheets={['listings']} />
      <JsonLd
        data={breadcrumbJsonLd([
          { name: 'Archive', path: ARCHIVE_PATH },
          { name: String(found.year), path: archiveYearPath(found.year) },
        ])}
      />
      <header className="listing__header">
        <p className="kicker">
          <a href={ARCHIVE_PATH}>Archive</a>
        </p>
        <h1 className="listing__title">{found.year}</h1>
        <p className="standfirst">
          {count(found.count)} in {found.year}, by month.
        </p>
      </header>
      <ul className="archive-months">
        {[...found.months].reverse().map((m) => (
          <li key={m.month}>
            <a href={archiveMonthPath(found.year, m.month)}>{monthName(m.month)}</a>{' '}
            <span className="archive-count">{count(m.stories.length)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

async function findMonth(rawYear: string, rawMonth: string, rawPage?: string) {
  const year = parseYear(rawYear);
  const month = parseMonth(rawMonth);
  const page = parsePageNumber(rawPage);
  if (year === undefined || month === undefined || page === undefined) return undefined;
  const found = archiveMonth((await getContent()).stories, year, month);
  const shown = found && paginate(found.stories, page);
  return found && shown && { year, month, shown, basePath: archiveMonthPath(year, month), total: found.stories.length };
}

export async function archiveMonthMetadata(rawYear: string, rawMonth: string, rawPage?: string): Promise<Metadata> {
  const found = await findMonth(rawYear, rawMonth, rawPage);
  if (!found) return {};
  const name = `${monthName(found.month)} ${found.year}`;
  return pageMetadata({
    path: found.basePath,
    page: found.shown.page,
    title: `Archive: ${name}`,
    description: `${site.name} stories from ${name}.`,
  });
}

export async function ArchiveMonth({
  rawYear,
  rawMonth,
  rawPage,
}: {
  rawYear: string;
  rawMonth: string;
  rawPage?: string;
}) {
  const found = await findMonth(rawYear, rawMonth, rawPage);
  if (!found) notFound();
  const name = `${monthName(found.month)} ${found.year}`;
  return (
    <>
      <JsonLd
        data={breadcrumbJsonLd([
          { name: 'Archive', path: ARCHIVE_PATH },
          { name: String(found.year), path: archiveYearPath(found.year) },
          { name, path: found.basePath },
        ])}
      />
      <ListingPage
        label="Archive"
        title={name}
        intro={
          <>
            {count(found.total)} posted in {name} (KST).{' '}
            <a href={archiveYearPath(found.year)}>Other months of {found.year}</a>.
          </>
        }
        stories={found.shown.items}
        pagination={{ basePath: found.basePath, page: found.shown.page, pageCount: found.shown.pageCount }}
      />
    </>
  );
}
