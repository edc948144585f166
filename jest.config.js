const swcOptions = require('./scripts/swc-options.cjs');

// ESM-only packages (NestJS 12, TypeORM 1.x, PGlite) and the dynamic imports of the packages
// below are transformed to CommonJS, so Jest runs without Node's experimental VM modules
// (`--experimental-vm-modules`): nothing needs them, and with them a test worker once died of
// SIGSEGV (their dynamic-import callbacks are a known source of V8 crashes).
const esm = [
  '@nestjs',
  'typeorm',
  '@electric-sql',
  'uuid',
  'nestjs-pino',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  'jose',
  // @fastify/static's own copy (ESM since 2.x): both path segments have to be let through.
  '@fastify/static/node_modules/content-disposition',
  'content-disposition',
  // @fastify/cookie imports its ESM-only `cookie` dynamically; transformed, that is a require.
  '@fastify/cookie',
  'cookie',
];

module.exports = {
  rootDir: '.',
  testEnvironment: '<rootDir>/test/support/embedded-database.environment.js',
  moduleFileExtensions: ['ts', 'js', 'json', 'mjs', 'cjs'],
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/test/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    '<rootDir>/test/**/*.medium-spec.ts',
  ],
  // *.server.e2e-spec.ts need a PostgreSQL server of their own (roles, proxies, replicas): they
  // run in the suite's server run (DATABASE_URL set, as CI does), not on the embedded database.
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    '/test/browser/',
    ...(process.env.DATABASE_URL ? [] : ['\\.server\\.e2e-spec\\.ts$']),
  ],
  transform: { '^.+\\.(t|j|mj|cj)s$': ['@swc/jest', swcOptions()] },
  transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
  moduleNameMapper: swcOptions.moduleNameMapper(),
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  maxWorkers: 2,
  // A worker that ran medium and e2e suites ends holding 0.6-1 GB of memory, and its process
  // takes 0.4-0.9 s to be torn down after it has exited (measured: its 'exit' event comes within
  // milliseconds of Jest's request to end, no handle left open). Within Jest's default of 500 ms
  // that read as a leak ("failed to exit gracefully") and the exiting process was killed.
  workerGracefulExitTimeout: 3000,
  testTimeout: 60000,
};
