// Jest for the API. Nest 12 packages are ESM-only, so @swc/jest turns them into CommonJS
// (shared/notes/api-feasibility.md §5); type-checking is `npm run typecheck`'s job.
const swc = [
  '@swc/jest',
  {
    module: { type: 'commonjs' },
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];
const common = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!.*/node_modules/)(?!(@nestjs|file-type|@standard-schema|strtok3|token-types|@tokenizer|@borewit|uint8array-extras|cookie|content-disposition|@scure|@noble)/)',
  ],
  moduleNameMapper: { '^@zaogong/shared$': '<rootDir>/../../libs/shared/src/index.ts' },
};
module.exports = {
  // Read from here (global), not from a project, for tests and hooks alike (the root jest.config.cjs says the same).
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'api', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'api-e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testTimeout: 60000 },
  ],
};
