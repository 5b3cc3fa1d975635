/**
 * The link card a social network draws for a page, read from the page's HTML the way their crawlers do:
 * Open Graph first, then Twitter tags, then the plain <title> and description. Used by /dev/previews.
 */
export interface LinkCard {
  title?: string;
  description?: string;
  siteName?: string;
  url?: string;
  image?: string;
  imageAlt?: string;
  /** twitter:card, e.g. summary_large_image */
  twitterCard?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, double, single] of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[name!.toLowerCase()] = decodeEntities(double ?? single ?? '');
  }
  return out;
}

export function readLinkCard(html: string): LinkCard {
  const head = html.split(/<\/head>/i)[0] ?? html;
  const meta = new Map<string, string>();
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const key = (attrs.property ?? attrs.name)?.toLowerCase();
    if (key && attrs.content !== undefined && !meta.has(key)) meta.set(key, attrs.content);
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(head)?.[1];
  const first = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v !== undefined && v !== '');
  return {
    title: first('og:title', 'twitter:title') ?? (title === undefined ? undefined : decodeEntities(title)),
    description: first('og:description', 'twitter:description', 'description'),
    siteName: first('og:site_name'),
    url: first('og:url'),
    image: first('og:image', 'og:image:url', 'twitter:image'),
    imageAlt: first('og:image:alt', 'twitter:image:alt'),
    twitterCard: first('twitter:card'),
  };
}

/**
 * The card image as the server the previews run on serves it. og:image is absolute: on the canonical origin
 * (SITE_URL), where a draft's card does not exist yet and which a dev machine may not reach, or under
 * `next dev` on a localhost address that may not be the one the editor opened. The same path, relative,
 * loads it from whatever address the previews were opened at. Images on other sites stay as they are.
 */
export function localImageUrl(image: string, canonicalOrigin: string, serverHost?: string): string {
  const url = new URL(image, canonicalOrigin);
  const ours =
    url.origin === new URL(canonicalOrigin).origin ||
    url.host === serverHost ||
    ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return ours ? `${url.pathname}${url.search}` : url.toString();
}
