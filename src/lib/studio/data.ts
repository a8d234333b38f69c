/**
 * What the studio (/studio/) needs of the casebook it is served with, emitted at build time by
 * src/pages/studio/data.json.ts and loaded by no other page: the taxonomy and metrics the
 * pipeline tags with, the regions and the GB/T 2260 names (with pinyin, for typing a place in
 * Latin letters), and the names already taken by cases and source records.
 */
import type { MeasureRecord } from '../content/contentFiles.ts';
import type { Metric } from '../model/metrics.ts';
import type { DivisionDataset } from '../model/regions.ts';

export interface StudioCase {
  /** File name without `.mdx` (what ingest names drafts by). */
  file: string;
  title: string;
  source: string;
  body: string;
  /** `draft: true` (src/lib/model/drafts.ts). */
  draft: boolean;
}

export interface StudioData {
  measures: MeasureRecord[];
  metrics: Metric[];
  /** content/regions.yaml as built. */
  regionsYaml: string;
  divisions: DivisionDataset;
  /** Toneless pinyin syllables (space-separated) of each division's short name, by code. */
  divisionReadings: Record<string, string>;
  /** Toneless pinyin syllables of each measure's name, by id. */
  measureReadings: Record<string, string>;
  cases: StudioCase[];
  /** Source record key → its raw file (`seeds/<name>`). */
  sources: Record<string, string>;
  /** SHA-256 (hex) of each raw file a source record cites → that file: the same bytes dropped again are that seed. */
  seedDigests: Record<string, string>;
}
