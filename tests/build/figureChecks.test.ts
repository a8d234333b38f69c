// Typed figures are checked by the real build: a target without its due year, a metric of another
// measure and the retired `year:` key fail with file:line (unit conversion: tests/unit/content/figureSchema.test.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildSite, makeTempSite, removeTempSite } from '../helpers/tempSite.ts';
import { readMeasures } from '../../src/lib/content/contentFiles.ts';
import { loadMetrics } from '../../src/lib/content/loadMetrics.ts';

interface FrontFigure {
  label: string;
  measure?: string;
  metric?: string;
  kind: string;
  period?: { to?: number };
  unit: string;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTempSite));

function buildWith(file: string, edit: (text: string) => string) {
  const dir = makeTempSite();
  dirs.push(dir);
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return buildSite(dir);
}

/** Cases as they are in content/ today, with the line of each figure's fields. */
function cases() {
  return readdirSync('content/cases').map((name) => {
    const file = `content/cases/${name}`;
    const text = readFileSync(file, 'utf8');
    const figures = (parse(text.split(/^---$/m)[1]!) as { figures: FrontFigure[] }).figures;
    const lines = text.split('\n');
    const starts = lines.flatMap((l, i) => (/^ {2}- label:/.test(l) ? [i] : []));
    const lineOf = (index: number, field: string) => {
      const from = starts[index]!;
      const to = starts[index + 1] ?? lines.findIndex((l, i) => i > from && l === '---');
      const at = lines.slice(from, to).findIndex((l) => new RegExp(`^\\s*(- )?${field}:`).test(l));
      return at < 0 ? undefined : from + at + 1;
    };
    return { file, text, figures, lineOf };
  });
}

describe('figure checks at build time', () => {
  let all: ReturnType<typeof cases>;
  beforeAll(() => {
    all = cases();
  });

  it.concurrent('fails on a target without its due year, naming file and line', async () => {
    const c = all.find((x) => x.figures.some((f) => f.kind === 'target' && f.period?.to !== undefined));
    expect(c, 'content/ has a target with a due year').toBeTruthy();
    const i = c!.figures.findIndex((f) => f.kind === 'target' && f.period?.to !== undefined);
    const periodLine = c!.lineOf(i, 'period')!;
    const { status, output } = await buildWith(c!.file, (t) =>
      t
        .split('\n')
        .filter((_, n) => n !== periodLine - 1)
        .join('\n'),
    );
    expect(status).not.toBe(0);
    // Without the period line, the figure's own line is the place to fix.
    expect(output).toContain(`${c!.file}:${c!.lineOf(i, 'label')}: figures.${i}.period: a target needs its due year`);
  });

  it.concurrent('fails on a metric of another measure, naming file, line and the right measure', async () => {
    const metrics = loadMetrics(readMeasures().map((m) => m.id));
    const c = all.find((x) => x.figures.some((f) => f.measure && f.metric));
    expect(c, 'content/ has a figure with measure and metric').toBeTruthy();
    const i = c!.figures.findIndex((f) => f.measure && f.metric);
    const f = c!.figures[i]!;
    const foreign = metrics.find(
      (m) =>
        m.measure !== f.measure &&
        m.measure !== 'general' &&
        !metrics.some((n) => n.measure === f.measure && n.id === m.id),
    );
    expect(foreign).toBeTruthy();
    const line = c!.lineOf(i, 'metric')!;
    const { status, output } = await buildWith(c!.file, (t) =>
      t
        .split('\n')
        .map((l, n) => (n === line - 1 ? `    metric: ${foreign!.id}` : l))
        .join('\n'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${c!.file}:${line}: figures.${i}.metric: metric “${foreign!.id}” belongs to ${foreign!.measure}, not to ${f.measure}`,
    );
  });

  it.concurrent('fails on the retired year: key (period replaces it), naming file and line', async () => {
    const c = all[0]!;
    const labelLine = c.lineOf(0, 'label')!;
    const { status, output } = await buildWith(c.file, (t) =>
      t
        .split('\n')
        .flatMap((l, n) => (n === labelLine - 1 ? [l, '    year: 2023'] : [l]))
        .join('\n'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(`${c.file}:${labelLine + 1}: figures.0.year: unknown key “year”`);
  });
});
