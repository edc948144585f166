const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const { TestEnvironment } = require('jest-environment-node');

/** Where test files find the compiled module (a global symbol: the same in every realm). */
const PGLITE_WASM = Symbol.for('segment-desk.pglite-wasm');

/** Compiled once per Jest worker process; this module outlives the test files the worker runs. */
let compiled = null;

/**
 * Jest's Node environment, plus PGlite's `pglite.wasm` compiled once per worker process for the
 * embedded databases its test files start (one per file, each in a new thread). Compiled afresh
 * for each, V8 allocated and freed the module's machine code a hundred times per worker; that
 * churn is the known trigger of an intermittent V8 crash (`Check failed: jit_page.has_value()`,
 * nodejs/node#64500) that killed a worker mid-run. Shared, the code is allocated once.
 */
class EmbeddedDatabaseEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    if (process.env.DATABASE_URL) return;
    compiled ??= new WebAssembly.Module(readFileSync(join(dirname(require.resolve('@electric-sql/pglite')), 'pglite.wasm')));
    this.global[PGLITE_WASM] = compiled;
  }
}

module.exports = EmbeddedDatabaseEnvironment;
