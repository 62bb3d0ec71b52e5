/** Every Jest project in the workspace; `npm test` runs them all (see scripts/test.mjs). */
const api = require('./apps/api/jest.config.cjs');

module.exports = {
  // Global, not per project: Jest reads the timeout of tests and hooks (a MariaDB suite's beforeAll migrates a
  // fresh database and starts the app) from here when it runs several projects.
  testTimeout: 60000,
  projects: [require('./libs/shared/jest.config.cjs'), ...api.projects, require('./apps/miniapp/jest.config.cjs')].map((p) => ({ ...p, cacheDirectory: `${__dirname}/.jest-cache` })),
};
