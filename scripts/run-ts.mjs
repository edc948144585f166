#!/usr/bin/env node
// Runs a TypeScript entry point without a build step: types are stripped by @swc/core on the fly.
//   node scripts/run-ts.mjs test/matching/evaluate.ts [args…]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const Module = require('node:module');
const swc = require('@swc/core');
const swcOptions = require('./swc-options.cjs');

Module._extensions['.ts'] = function compileTs(module, filename) {
  // The build's options, so the path aliases from tsconfig.json resolve here too.
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...swcOptions(), filename, sourceMaps: false });
  module._compile(code, filename);
};

const [entry, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...rest];
require(path.resolve(entry));
