/**
 * The folder rule apart from the others (`pnpm check:deps` runs both configs): a test beside the
 * code may use any fixture, so test files are left out of this graph, and only shipped code counts
 * when asking whether two concept folders depend on each other.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const base = require('./.dependency-cruiser.cjs');

module.exports = {
  forbidden: [
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment:
        'A concept (a top folder of a package, e.g. core/src/inbox) depends on others in one direction only; a cycle between two means they are one concept split in two places.',
      scope: 'folder',
      // The fakes are one concept each (a provider's API); their inner folders are free to mirror it.
      from: { path: '^(apps|packages)/[^/]+/src/[^/]+', pathNot: '^packages/fakes/' },
      // A test beside the code may use the package's test helpers, which use the code again.
      to: { circular: true, pathNot: '/test(/|$)' },
    },
  ],
  options: {
    ...base.options,
    exclude: { path: '(^|/)node_modules/|^\\.tools/|^dist/|\\.test\\.ts$|(^|/)test/' },
  },
};
