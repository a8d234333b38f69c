/**
 * The studio's ingest, off the page's main thread: the same stages as `npm run ingest`
 * (src/lib/ingest/), on bytes the editor dropped — nothing leaves the browser. The PDF and DOCX
 * readers are loaded when such a file comes, or when the page is idle (`preload`), so that the
 * studio keeps working offline once loaded.
 */
import { preloadPdf } from '#pdf-platform';
import type { FigureDraft } from '../../lib/ingest/draft/files.ts';
import { extractFigures } from '../../lib/ingest/draft/figures.ts';
import { ingestDocument, type IngestResult } from '../../lib/ingest/run/ingest.ts';
import { readDocument, type ReadResult } from '../../lib/ingest/read/document.ts';
import type { StudioData } from '../../lib/studio/data.ts';
import { findItems, type Findable } from '../../lib/studio/find.ts';
import { casebookRegions, regionChoices, type RegionChoice } from '../../lib/studio/regions.ts';
import { figureFromSelection } from '../../lib/studio/selection.ts';

export type WorkerRequest =
  | { type: 'read'; bytes: Uint8Array; fileName: string }
  | {
      type: 'ingest';
      /** The `id` of the `read` request whose document this is. */
      readId: number;
      fileName: string;
      seedFile: string;
      /** The casebook's content/regions.yaml (the folder's, or the site's). */
      regionsYaml: string;
      /** Existing case file name → its source key; source key → its raw file. */
      caseSources: Record<string, string>;
      sources: Record<string, string>;
      /** The source key of these very bytes, when the casebook has them already. */
      knownSource?: string;
      force?: boolean;
      fallbackDate?: string;
    }
  /** GB/T 2260 places, or measures of the taxonomy, matching what the editor typed (name, alias, pinyin). */
  | { type: 'find'; what: 'region' | 'measure'; typed: string; limit: number }
  /**
   * Figures of a case's paragraphs as ingest proposes them; with `selection`, the one figure for
   * the number selected in paragraph `index` (src/lib/studio/selection.ts).
   */
  | {
      type: 'figures';
      paragraphs: string[];
      measures: string[];
      headings: string[];
      selection?: { index: number; start: number; end: number };
    }
  | { type: 'preload' }
  /** A zip of these files (the save, where the browser cannot write to a folder). */
  | { type: 'zip'; files: { path: string; content: string | Uint8Array }[] };

export type WorkerReply =
  | { id: number; read: ReadResult }
  | { id: number; result: IngestResult }
  | { id: number; done: true }
  | { id: number; found: string[] }
  | { id: number; figures: (FigureDraft & { paragraph?: number })[] }
  | { id: number; zip: Blob }
  | { id: number; error: string };

interface Incoming {
  id: number;
  request: WorkerRequest | { type: 'init'; data: StudioData };
}

let data: StudioData | undefined;
let places: RegionChoice[] = [];
let measures: (Findable & { id: string })[] = [];
/** The last documents read, by request id (the editor may re-run ingest with a date or --force). */
const reads = new Map<number, ReadResult>();

function ingest(request: Extract<WorkerRequest, { type: 'ingest' }>): IngestResult {
  const read = reads.get(request.readId);
  if (!data || !read) throw new Error('ingest before read');
  const { caseSources, sources, knownSource } = request;
  return ingestDocument(read, {
    fileName: request.fileName,
    seedFile: request.seedFile,
    measures: data.measures,
    metrics: data.metrics,
    regions: casebookRegions(request.regionsYaml, data.divisions),
    divisions: data.divisions,
    caseOwner: (slug) => caseSources[slug],
    sourceOwner: (key) => sources[key],
    sourceKeyOf: (seedFile) => knownSource ?? Object.entries(sources).find(([, file]) => file === seedFile)?.[0],
    ...(request.force && { force: true }),
    ...(request.fallbackDate && { fallbackDate: request.fallbackDate }),
  });
}

function figures(request: Extract<WorkerRequest, { type: 'figures' }>): (FigureDraft & { paragraph?: number })[] {
  const ranked = request.measures.flatMap((id) => data?.measures.find((m) => m.id === id) ?? []);
  const { selection, paragraphs, headings } = request;
  if (!selection) return extractFigures(paragraphs, { measures: ranked, headings, max: 500 });
  const figure = figureFromSelection(paragraphs[selection.index] ?? '', selection.start, selection.end, {
    measures: ranked,
    headings,
    metrics: data?.metrics ?? [],
  });
  return figure ? [figure] : [];
}

async function handle({ id, request }: Incoming): Promise<WorkerReply | undefined> {
  switch (request.type) {
    case 'init':
      data = request.data;
      places = regionChoices(data.divisions, data.divisionReadings);
      measures = data.measures.map((m) => ({
        id: m.id,
        names: [m.name, ...m.aliases],
        reading: data?.measureReadings[m.id]?.split(' ') ?? [],
      }));
      return undefined;
    case 'find': {
      const found =
        request.what === 'region'
          ? findItems(request.typed, places, request.limit).map((r) => r.code)
          : findItems(request.typed, measures, request.limit).map((m) => m.id);
      return { id, found };
    }
    case 'figures':
      return { id, figures: figures(request) };
    case 'read': {
      const read = await readDocument(request.bytes, request.fileName);
      reads.clear();
      reads.set(id, read);
      return { id, read };
    }
    case 'ingest':
      return { id, result: ingest(request) };
    case 'zip': {
      const { strToU8, zipSync } = await import('fflate');
      const files = Object.fromEntries(
        request.files.map((f) => [f.path, typeof f.content === 'string' ? strToU8(f.content) : f.content]),
      );
      return { id, zip: new Blob([zipSync(files, { level: 6 })], { type: 'application/zip' }) };
    }
    case 'preload':
      await Promise.all([
        import('../../lib/ingest/read/docx.ts'),
        import('../../lib/ingest/read/pdf.ts'),
        preloadPdf(),
      ]);
      return { id, done: true };
  }
}

self.addEventListener('message', (event: MessageEvent<Incoming>) => {
  handle(event.data).then(
    (reply) => reply && self.postMessage(reply),
    (error: unknown) => self.postMessage({ id: event.data.id, error: (error as Error)?.message ?? String(error) }),
  );
});
