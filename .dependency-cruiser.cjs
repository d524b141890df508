/**
 * The boundaries `.ci/run` keeps (`pnpm check:deps`). Each rule says why it exists; a new edge that
 * breaks one fails CI, so the shape of the codebase cannot drift by accident.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const TEST = '(^|/)(test|test-env)/|\\.test\\.ts$|^packages/test-env/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle between modules means neither can be understood, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-package-imports-app',
      severity: 'error',
      comment: 'Packages are shared by the apps; an app is never a library of a package.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-source-imports-tests',
      severity: 'error',
      comment:
        'Shipped code never loads test code or the test environment (it would load vitest in production).',
      from: { path: '^(apps|packages)/[^/]+/src/', pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: 'no-test-reaches-into-another-app',
      severity: 'error',
      comment:
        "A test uses another app through its package's exports, never by a relative path into its files.",
      from: { path: '^apps/([^/]+)/' },
      // `@licensync/worker` resolves to apps/worker/src/index.ts, the app's one entry: allowed.
      to: { path: '^apps/', pathNot: ['^apps/$1/', '^apps/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'api-does-not-call-hubspot',
      severity: 'error',
      comment: 'The api is a thin ingress: HubSpot is called by the worker, through the outbox.',
      from: { path: '^apps/api/src/' },
      to: { path: '^packages/hubspot/' },
    },
    {
      name: 'license-client-stands-alone',
      severity: 'error',
      comment: "The client library is published for vendors' apps: it may use node: modules only.",
      from: { path: '^packages/license-client/src/' },
      to: { path: '^(packages/(?!license-client/)|apps/)' },
    },
    {
      name: 'fakes-stand-alone',
      severity: 'error',
      comment: 'The fake Stripe and HubSpot are usable without the service (e.g. by the demo or a vendor).',
      from: { path: '^packages/fakes/' },
      to: { path: '^(packages/(core|hubspot|test-env)|apps)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^\\.tools/|^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['licensync-source', 'import', 'default'],
    },
  },
};
