/** Every Jest project in the workspace; `npm test` runs them all (see scripts/test.mjs). */
module.exports = {
  cacheDirectory: '<rootDir>/.jest-cache',
  projects: ['<rootDir>/libs/shared/jest.config.cjs', '<rootDir>/apps/api/jest.config.cjs'],
};
