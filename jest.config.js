// Jest runs the TypeScript sources through ts-jest. The unified/micromark Markdown packages ship only
// ES modules, so they are transpiled to CommonJS too (Node itself loads them with require(esm)).
const esmOnly = [
  'mdast-util-[^/]+',
  'micromark[^/]*',
  'decode-named-character-reference',
  'character-entities[^/]*',
  'unist-util-[^/]+',
  'devlop',
  'fault',
  'format',
  'escape-string-regexp',
  'ccount',
  'longest-streak',
  'zwitch',
  'markdown-table',
  'trim-lines',
  'character-reference-invalid',
  'is-[^/]+',
];
module.exports = {
  testEnvironment: 'node',
  // One worker per core, not Jest's default of one fewer: on a 2-core runner that default is a single
  // worker, while the Terraform and CLI tests spend much of their time waiting on child processes.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
};
