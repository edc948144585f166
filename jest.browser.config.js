const base = require('./jest.config.js');

// Browser tests: the built app in a child process, driven by Debian's Chromium (`npm run test:browser`).
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 1,
  testTimeout: 120000,
};
