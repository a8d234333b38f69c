/**
 * Draft files: a case as MDX (YAML front matter + escaped body) and a source record as YAML,
 * in the shapes `src/content.config.ts` validates. Comments in the front matter tell the
 * editor what to review; they do not change the data.
 */
import { Document } from 'yaml';
import type { SourceKind } from '../structure/masthead.ts';
import { escapeMdxBlock } from './escapeMdx.ts';
import type { BodyItem } from '../structure/structure.ts';

export interface FigureDraft {
  label: string;
  value: number;
  unit: string;
  /** The number as the text states it when value + unit would drop a 多/余/以上. */
  display?: string;
  measure?: string;
  quote: string;
  /** result, target, input or context (src/schemas/figure.ts). */
  kind: 'result' | 'target' | 'input' | 'context';
  /** Only as the text ties the number to years. */
  period?: { from?: number; to?: number };
  /** A metric of content/taxonomy/metrics.yaml when the label names one unambiguously. */
  metric?: string;
}

export interface CaseFrontMatter {
  /** Always true from ingest: the public build leaves the case out until an editor removes it. */
  draft: true;
  title: string;
  originalTitle?: string;
  summary: string;
  region: string;
  body: string;
  author?: string;
  authorRole?: string;
  date: string;
  dateNote?: string;
  source: string;
  measures: string[];
  figures: FigureDraft[];
}

export interface SourceRecord {
  title: string;
  publication?: string;
  issue?: string;
  publisher?: string;
  author?: string;
  date: string;
  dateNote?: string;
  url?: string;
  kind: SourceKind;
  file: string;
  summary: string;
  /** The text's fingerprint (./fingerprint.ts): the same text in another format is found by it. */
  fingerprint?: string;
}

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Drops undefined fields so that YAML shows only what is known. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** YAML as ingest writes it (YAML 1.1 quoting, no line folding); `flowKeys` are written inline. */
export function yamlOf(data: object, flowKeys: string[] = []): string {
  const doc = new Document(defined(data), { version: '1.1', aliasDuplicateObjects: false });
  for (const key of flowKeys) {
    const node = doc.get(key, true) as { flow?: boolean } | undefined;
    if (node) node.flow = true;
  }
  return doc.toString(TO_STRING);
}

/** The MDX body: headings and paragraphs separated by blank lines, every block escaped. */
export function bodyMdx(items: readonly BodyItem[]): string {
  return items
    .map((it) =>
      it.kind === 'heading'
        ? `${'#'.repeat(it.depth ?? 2)} ${escapeMdxBlock(it.text).trimStart()}`
        : escapeMdxBlock(it.text),
    )
    .join('\n\n');
}

export interface CaseDraftInput {
  frontMatter: CaseFrontMatter;
  items: readonly BodyItem[];
  /** Comment lines put at the top of the front matter (review notes). */
  header?: readonly string[];
  /** Comment lines put after `measures:` (passing mentions the editor may add). */
  measureComments?: readonly string[];
}

const comment = (lines: readonly string[]) => lines.map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}`).join('\n');

/** A complete case file. */
export function caseMdx({ frontMatter, items, header = [], measureComments = [] }: CaseDraftInput): string {
  const fm = { ...frontMatter, figures: frontMatter.figures.map((f) => defined(f)) };
  let yaml = yamlOf(fm, ['measures']);
  if (measureComments.length) {
    yaml = yaml.replace(/^(measures:.*)$/m, `$1\n${comment(measureComments)}`);
  }
  const head = header.length ? `${comment(header)}\n` : '';
  return `---\n${head}${yaml}---\n\n${bodyMdx(items)}\n`;
}

/** A complete source record (content/sources/<key>.yaml). */
export function sourceYaml(record: SourceRecord, header: readonly string[] = []): string {
  return `${header.length ? `${comment(header)}\n` : ''}${yamlOf(record)}`;
}
