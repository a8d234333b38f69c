/**
 * Vitest's file order: the build tests first (each waits on a real build for 30–70 s), then the
 * unit tests, which fill the other worker meanwhile. Vitest's own order (by the last run's
 * durations, else by file size) would leave a fresh clone's longest builds for the end.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class BuildsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isBuild = (file: TestSpecification) => file.project.name === 'build';
    return [...sorted.filter(isBuild), ...sorted.filter((file) => !isBuild(file))];
  }
}
