/** The floor page's config: Next's defaults, but the benchmark's dist folder and no type check in `next build`. */
/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Like the site's build (next.config.js), so the core benchmark compares builds doing the same work.
  typescript: { ignoreBuildErrors: true },
  // The photo floor (app/photo) gets the lead photo as the site serves it: AVIF, else WebP.
  images: { formats: ['image/avif', 'image/webp'] },
};

export default nextConfig;
