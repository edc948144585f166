const base = require('./jest.config.js');

// Browser tests: the built app in a child process, driven by Debian's Chromium (`npm run test:browser`).
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Keeps a screenshot and the HTML of every open page when a test fails (test-results/failures/).
  testEnvironment: '<rootDir>/test/browser/support/browser-test.environment.js',
  maxWorkers: 1,
  testTimeout: 120000,
};
