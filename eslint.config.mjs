// ESLint for the TypeScript sources, the benchmarks, the stacks and the tests: the recommended rules
// of ESLint and typescript-eslint (the syntactic set: the type-aware one would type-check the tree a
// second time, which `tsc --noEmit` in `npm test` already does). The layering rules (which folder may
// import what) are held by test/unit/architecture/layering.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdktf.out/', 'coverage/', '.gen/', 'test/fixtures/', 'roles/', 'schema/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', console: 'readonly' },
    },
    rules: {
      // `_`-prefixed names are kept on purpose: a destructured field left out, an unused parameter of a callback shape.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      // Escaping user text means matching control characters on purpose (safe-text, the YAML reader).
      'no-control-regex': 'off',
      'no-console': 'error',
    },
  },
  {
    // Commands load their runner with require() when they run, so `--help` loads no parser.
    files: ['src/cli/commands/*.ts', 'src/cli/main.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Plain Node scripts (the CLI entry, the Jest config, a Jest preload) are CommonJS.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and benchmarks print what they measured.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests match YAML by its indentation, and load the built dist/ modules a worker thread runs.
    files: ['test/**/*.ts'],
    rules: { 'no-regex-spaces': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
