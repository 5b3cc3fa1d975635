/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets a second build (benchmarks, parallel checks) run beside the main one without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
