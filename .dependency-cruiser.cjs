// Which folder may import which. `npm run deps` checks the code base against these rules, and
// test/architecture/dependency-rules.spec.ts proves each rule fires on a deliberate violation.
//
//   apps/all-in-one ──► apps/api, apps/worker ──► libs/composition ──► libs/domain/<context> ──► libs/domain/shared ──► libs/platform
//
// A context's index.ts is its public surface; rules/ folders are pure (no I/O, no framework).
const CONTEXT = '^libs/domain/([^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A module must not import itself through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders form a hierarchy: two folders never import each other, directly or round about.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'platform-is-the-foundation',
      comment: 'The platform (config, database, logging, errors, mail) knows nothing of the product.',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^(libs/(domain|composition)|apps|migrations)/' },
    },
    {
      name: 'kernel-knows-no-context',
      comment: 'The shared kernel (principal, environment, references, identifiers) depends on no context.',
      severity: 'error',
      from: { path: '^libs/domain/shared/' },
      to: { path: '^(libs/domain/(?!shared/)|libs/composition/|apps/)' },
    },
    {
      name: 'contexts-through-their-index',
      comment: 'Another context is used through its index.ts, never by reaching into its files.',
      severity: 'error',
      from: { path: CONTEXT },
      to: { path: CONTEXT, pathNot: ['^libs/domain/[^/]+/index\\.ts$', '^libs/domain/$1/'] },
    },
    {
      name: 'apps-use-contexts-through-their-index',
      comment: 'Apps and the composition root use a context through its index.ts.',
      severity: 'error',
      from: { path: '^(apps|libs/composition)/' },
      to: { path: CONTEXT, pathNot: '^libs/domain/[^/]+/index\\.ts$' },
    },
    {
      name: 'platform-through-its-index',
      comment: 'A platform module (config, database, mail, ...) is used through its index.ts.',
      severity: 'error',
      from: { path: '^(apps|libs/(domain|composition))/' },
      to: { path: '^libs/platform/', pathNot: ['^libs/platform/index\\.ts$', '^libs/platform/[^/]+/index\\.ts$'] },
    },
    {
      name: 'platform-modules-through-their-index',
      comment: 'Platform modules use each other through their index.ts.',
      severity: 'error',
      from: { path: '^libs/platform/([^/]+)/' },
      to: { path: '^libs/platform/[^/]+/', pathNot: ['^libs/platform/$1/', '^libs/platform/[^/]+/index\\.ts$'] },
    },
    {
      name: 'not-through-own-index',
      comment: 'Inside a context, import the file itself: going through the own index makes cycles.',
      severity: 'error',
      from: { path: CONTEXT },
      to: { path: '^libs/domain/$1/index\\.ts$' },
    },
    {
      name: 'libraries-know-no-app',
      comment: 'Libraries never import an app; apps are composed from libraries.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-apart',
      comment: 'The API and the worker are separate processes and never import each other.',
      severity: 'error',
      from: { path: '^apps/(api|worker)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'pure-rules',
      comment: 'Rules (matching, identifiers, SLA clocks) are pure: no database, framework, platform or I/O.',
      severity: 'error',
      from: { path: ['^libs/domain/[^/]+/rules/', '^libs/domain/[^/]+/[^/]+/rules/'] },
      to: {
        path: [
          '^libs/platform/',
          '^node_modules/(typeorm|@nestjs|pg|@electric-sql|nodemailer|handlebars)/',
          '^(fs|net|http|https|child_process|dgram|tls)$',
        ],
      },
    },
    {
      name: 'ui-contexts-apart',
      comment: "A context's pages use ui/shared, not another context's page code.",
      severity: 'error',
      from: { path: '^apps/api/src/ui/([^/]+)/' },
      to: { path: '^apps/api/src/ui/([^/]+)/', pathNot: ['^apps/api/src/ui/$1/', '^apps/api/src/ui/shared/'] },
    },
    {
      name: 'migrations-stand-alone',
      comment: 'Migrations are hand-written SQL and stay valid when entities change.',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^(libs|apps)/' },
    },
    {
      name: 'production-code-not-tests',
      comment: 'Production code never imports test code.',
      severity: 'error',
      from: { path: '^(apps|libs|migrations)/', pathNot: '\\.(spec|e2e-spec)\\.ts$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
