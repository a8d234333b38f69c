import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure modules, no build; the quick loop: `npx vitest run --project unit`)
 * and `build` (real `astro build`s of temporary site copies and fixture casebooks).
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
    ],
  },
});
