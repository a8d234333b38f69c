/** The metric vocabulary, content/taxonomy/metrics.yaml, validated against the measures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMetrics, type Metric } from '../model/metrics.ts';

export const METRICS_PATH = 'content/taxonomy/metrics.yaml';

export function loadMetrics(measureIds: readonly string[], root = process.cwd()): Metric[] {
  const { metrics, problems } = parseMetrics(readFileSync(join(root, METRICS_PATH), 'utf8'), measureIds);
  if (problems.length)
    throw new Error(
      `Metric vocabulary check failed:\n${problems.map((p) => `${METRICS_PATH}:${p.line}: ${p.message}`).join('\n')}`,
    );
  return metrics;
}
