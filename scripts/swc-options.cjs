// One swc configuration for the build and for Jest; the path aliases come from tsconfig.json,
// so the compiler, the build and the tests resolve `@platform`, `@domain/*` and `@composition` alike.
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { paths } = require(path.join(root, 'tsconfig.json')).compilerOptions;

/** Jest's moduleNameMapper for the same aliases. */
function moduleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(paths)) {
    const escaped = alias.replace(/[.*+?^${}()|[\]\\/]/g, (c) => (c === '*' ? '(.*)' : '\\' + c));
    mapper[`^${escaped}$`] = `<rootDir>/${target.replace('*', '$1')}`;
  }
  return mapper;
}

function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: true,
  };
}

module.exports = swcOptions;
module.exports.moduleNameMapper = moduleNameMapper;
