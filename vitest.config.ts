import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'scripts/**/*.test.ts',
      // The HubSpot app's cards are React (.tsx); its tsconfig gives the JSX transform.
      'apps/hubspot-app/test/**/*.test.{ts,tsx}',
    ],
    globalSetup: ['packages/test-env/src/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
