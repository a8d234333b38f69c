import { defineConfig } from 'vitest/config';
import BuildsFirst from './tests/helpers/buildsFirst.ts';

/**
 * Two projects: `unit` (pure modules, no build; the quick loop: `npx vitest run --project unit`)
 * and `build` (real `astro build`s of temporary site copies and fixture casebooks).
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    // Two files at once on a two-core machine: a build test waits on its child build most of the
    // time (Vitest's default leaves one core to the child and runs the unit tests after the builds).
    maxWorkers: 2,
    minWorkers: 1,
    sequence: { sequencer: BuildsFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
    ],
  },
});
