/** Every Jest project in the workspace; `npm test` runs them all (see scripts/test.mjs). */
const api = require('./apps/api/jest.config.cjs');

module.exports = {
  projects: [require('./libs/shared/jest.config.cjs'), ...api.projects].map((p) => ({ ...p, cacheDirectory: `${__dirname}/.jest-cache` })),
};
