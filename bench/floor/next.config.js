/** The floor page's config: Next's defaults, plus a dist folder the benchmark chooses. */
/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
