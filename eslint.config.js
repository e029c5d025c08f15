// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['eslint.config.js', 'scratch/**', 'node_modules/**', 'data/**', 'dist/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai's `expect(x).to.be.true` style reads as an unused expression.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['bot/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The web pages' own scripts: plain browser JavaScript, no type information.
    files: ['bot/web/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        ['window', 'document', 'location', 'history', 'navigator', 'fetch', 'FormData', 'URL', 'URLSearchParams', 'Blob', 'FileReader', 'EventSource',
          'sessionStorage', 'localStorage', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame', 'console',
          'Intl', 'CSS', 'HTMLElement', 'Event', 'CustomEvent', 'AbortController', 'encodeURIComponent', 'decodeURIComponent', 'alert', 'confirm',
          'WebChat', 'microsoftTeams'].map((name) => [name, 'readonly']),
      ),
    },
    rules: { 'no-console': 'error' },
  },
);
