// The layer arrows of docs/architecture.md ("Dependencies"), checked by `npm run lint:layers`,
// which `npm test` runs. A part may import itself, npm packages and the parts listed beside it;
// any other arrow between apps and packages, and any import circle, fails the build.

/** @type {Record<string, string[]>} part → the parts it may import (config is open to all). */
const arrows = {
  'apps/web': ['packages/api', 'packages/domain'],
  'apps/api': [
    'packages/api',
    'packages/auth',
    'packages/projections',
    'packages/eventstore',
    'packages/domain',
  ],
  'packages/api': [
    'packages/auth',
    'packages/projections',
    'packages/eventstore',
    'packages/domain',
    'packages/pb',
  ],
  'packages/auth': ['packages/projections', 'packages/eventstore', 'packages/domain'],
  'packages/projections': ['packages/eventstore', 'packages/domain'],
  'packages/eventstore': [],
  'packages/domain': [],
  'packages/pb': [],
};

const part = (path) => `^${path}/`;
const anyPart = '^(apps|packages)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: modules that need each other are one module, or need a third.',
      from: {},
      to: { circular: true },
    },
    ...Object.entries(arrows).map(([from, to]) => ({
      name: `arrows-from-${from.replace('/', '-')}`,
      severity: 'error',
      comment: `${from} may import only ${[from, ...to, 'packages/config'].join(', ')} (docs/architecture.md, Dependencies).`,
      from: { path: part(from) },
      to: {
        path: anyPart,
        pathNot: [from, ...to, 'packages/config'].map(part),
      },
    })),
    {
      name: 'web-reaches-api-through-its-client',
      severity: 'error',
      comment:
        'The web app calls the API over tRPC: it imports @gongzhi/api/client (and the AppRouter type through it), never a router or command.',
      from: { path: part('apps/web') },
      to: { path: part('packages/api'), pathNot: '^packages/api/src/client\\.ts$' },
    },
    {
      name: 'auth-sees-only-the-database-port',
      severity: 'error',
      comment:
        "auth keeps its tables in the read-model database through projections' SQL port: types only, never a read model or the runner. Its tests may open the sqlite and postgres databases.",
      from: { path: '^packages/auth/src/' },
      to: { path: part('packages/projections'), dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'auth-reads-no-read-model',
      severity: 'error',
      comment: 'auth uses the SQL port (projections root, sqlite, postgres), never a read model.',
      from: { path: part('packages/auth') },
      to: {
        path: part('packages/projections'),
        pathNot: '^packages/projections/src/(index|types|sqlite/index|postgres/index)\\.ts$',
      },
    },
    {
      name: 'no-router-imports-a-router',
      severity: 'error',
      comment:
        'A router mounts procedures; what two routers share (an input, a helper, an access builder) moves to a file both import (docs/architecture.md, Routers). Only root.ts imports routers.',
      from: { path: '^packages/api/src/', pathNot: '^packages/api/src/root\\.ts$' },
      to: { path: '^packages/api/src/[^/]+/router\\.ts$' },
    },
    {
      name: 'workspace-import-resolves',
      severity: 'error',
      comment:
        'An @gongzhi/* import that does not resolve is a package the importer does not declare; declare it only if the arrow is allowed.',
      from: {},
      to: { couldNotResolve: true, path: '^@gongzhi/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.svelte-kit|build|dist|test-results)/|/paraglide/' },
    // Type-only imports are arrows too (and marked, for the auth rule).
    tsPreCompilationDeps: 'specify',
    // The web app's $lib alias, so that circles inside the web app are found as well.
    tsConfig: { fileName: '.dependency-cruiser.tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.svelte', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
