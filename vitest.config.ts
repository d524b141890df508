import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Inside the workspace the license client resolves to its sources (what the `licensync-source`
  // condition of its exports names, which tsconfig.base.json and dependency-cruiser use); its
  // consumers get dist/.
  resolve: {
    alias: [
      {
        find: /^@licensync\/license-client$/,
        replacement: fileURLToPath(new URL('./packages/license-client/src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    globalSetup: ['packages/test-env/src/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'services',
          include: [
            'apps/*/src/**/*.test.ts',
            'apps/*/test/**/*.test.ts',
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'scripts/**/*.test.ts',
            // The HubSpot app's cards are React (.tsx); the root tsconfig gives the JSX transform.
            'apps/hubspot-app/test/**/*.test.{ts,tsx}',
          ],
          exclude: ['apps/stripe-app/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'stripe-app',
          include: ['apps/stripe-app/{src,test,tools}/**/*.test.{ts,tsx}'],
          // The SDK's testing entry registers its matchers on the global `expect`.
          globals: true,
          // The SDK ships ESM with extension-less imports that Node cannot load as is.
          server: { deps: { inline: [/@stripe\/ui-extension-sdk/] } },
        },
      },
    ],
  },
});
