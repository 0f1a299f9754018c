// ESLint over the whole project, with type information from each folder's tsconfig (the service
// and tests, and the browser widget with its own). Prettier owns the layout; see .prettierrc.json.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.bench-build/', 'src/generated/', 'coverage/', '.data/', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./\\.\\./', message: 'Import through the @/ alias (or @widget/ in the widget) instead of climbing two folders.' }] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // A site scope is minted by the site registry only, so the rest of the service cannot make one up
    // from a string and query another site's rows with it (tests and benchmarks may).
    files: ['src/**/*.ts'],
    ignores: ['src/modules/sites/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./\\.\\./', message: 'Import through the @/ alias (or @widget/ in the widget) instead of climbing two folders.' },
            { group: ['**/site-scope.js'], importNames: ['mintSiteScope'], message: 'Take the SiteScope of the request (or SiteRegistry) instead.' },
          ],
          paths: [
            { name: '@/modules/sites/site-scope.js', importNames: ['mintSiteScope'], message: 'Take the SiteScope of the request (or SiteRegistry) instead.' },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON answers (typed any, as HTTP bodies are) and hand methods to expect(); what
    // they assert is checked by the assertions themselves.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // The config files and the Node scripts beside the TypeScript (build, Jest's global set-up) are plain
  // JavaScript outside any tsconfig: linted without type information.
  { files: ['*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
  prettier,
);
