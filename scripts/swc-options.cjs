// One swc configuration for the build and for Jest, so both resolve the same path aliases.
const path = require('node:path');

const root = path.resolve(__dirname, '..');

module.exports = function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: {
        '@domain/*': ['libs/domain/*'],
        '@notifications/*': ['libs/notifications/*'],
      },
    },
    module: { type: 'commonjs' },
    sourceMaps: true,
  };
};
