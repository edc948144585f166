import { unsupportedRuntime } from './supported-runtime';

// Imported first by the composition root's index, which every entry point imports first: before
// anything loads a native addon that would crash an older Node.
const refusal = unsupportedRuntime(process.versions);
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
