import { withEditorTooling } from './scripts/lib/content-gate.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets a second build (benchmarks, parallel checks) run beside the main one without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Font tools for the Open Graph card load their own wasm from node_modules: run them from there, unbundled.
  serverExternalPackages: ['subset-font', 'fontkit'],
};

// Checks the content before a production build; dev-only preview pages (scripts/lib/content-gate.js).
export default (phase) => withEditorTooling(phase, nextConfig);
