import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { BreakingNewsSlot } from '@/components/site/BreakingNewsSlot';
import { InlineStylesheet } from '@/components/site/InlineStylesheet';
import { Masthead } from '@/components/site/Masthead';
import { SiteFooter } from '@/components/site/SiteFooter';
import { SITE_FEED_PATH, SITE_ROBOTS } from '@/lib/seo/metadata';
import { site } from '@/lib/site';
import { provideStylesheet } from './stylesheet';
import { PAGE_ANCHORS } from '@/lib/page-anchors';

export const metadata: Metadata = {
  metadataBase: new URL(site.origin),
  title: { default: site.name, template: `%s | ${site.name}` },
  description: site.description,
  applicationName: site.name,
  robots: SITE_ROBOTS,
  // Pages that set their own alternates repeat this (lib/seo/metadata.ts): Next replaces, not merges.
  alternates: { types: { 'application/rss+xml': [{ url: SITE_FEED_PATH, title: `${site.name}: latest stories` }] } },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121417' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  provideStylesheet();
  return (
    <html lang={site.language}>
      <body>
        <InlineStylesheet>
          <a className="skip-link" href={`#${PAGE_ANCHORS.main}`}>
            Skip to main content
          </a>
          <BreakingNewsSlot />
          <Masthead />
          <main id={PAGE_ANCHORS.main} tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </InlineStylesheet>
      </body>
    </html>
  );
}
