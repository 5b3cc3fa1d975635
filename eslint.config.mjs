// ESLint flat config: Next's rules (React, hooks, accessibility, Core Web Vitals) and typescript-eslint's
// recommended rules, as Next 16's docs set them up (node_modules/next/dist/docs/01-app/03-api-reference/05-config/03-eslint.md).
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Off: the site navigates with plain <a> on purpose, never next/link's client-side navigation
      // (docs/decisions/0005-no-client-side-navigation.md). The rule exists to push <Link>.
      '@next/next/no-html-link-for-pages': 'off',
      // Destructuring a field away to keep the rest ({ body: _body, ...rest }) is how a field is dropped.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
      // A file past 400 lines, or a function past 80, is two (README: engineering rules).
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    // Routes and components read content through its one entry, never its rooms (docs/development/where-code-lives.md).
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)lib/content/',
              message: "Import from '@/lib/content', the content API's entry.",
            },
            {
              regex: '^(@/|(\\.\\./)+)content/',
              message: "Import the content model through '@/lib/content', the content API's entry.",
            },
          ],
        },
      ],
    },
  },
  {
    // Data, not code: the content files are an editor's records, and fixtures are test data.
    files: ['content/stories/**', 'test/fixtures/**'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
  globalIgnores([
    // eslint-config-next's own ignores, as Next's docs list them.
    '.next/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    // Builds, test output and generated files (.gitignore).
    '.next-*/**',
    'test-results/**',
    'playwright-report/**',
    'blob-report/**',
    '.og-cards/**',
    'tmp/**',
    'public/pagefind/**',
    'content/stories/*.generated.ts',
  ]),
]);
