/** @type {import('jest').Config} Unit tests of the mini-program's plain logic (no Taro): `npx jest -c apps/miniapp/jest.config.cjs`. */
module.exports = {
  displayName: 'miniapp',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
};
