/**
 * pdf.js in the browser (the studio's Web Worker, src/components/studio/): the modern build (the package's main entry),
 * with pdf.js's own worker code run in the same thread (the studio already runs ingest off the
 * page's main thread), and the CMaps of CJK fonts that are not embedded, and the standard
 * fonts, fetched from the site (`studio/pdfjs/`, emitted by src/pages/studio/pdfjs/) and kept
 * in memory: what `preloadPdf` fetched ahead is there when a PDF is read offline.
 * `#pdf-platform` in package.json picks this module by the `browser` condition.
 */
export type PdfJs = typeof import('pdfjs-dist');
type DocumentOptions = Omit<Parameters<PdfJs['getDocument']>[0] & object, 'data'>;

const ASSETS = `${import.meta.env.BASE_URL}studio/pdfjs/`;
/** The CMaps of Chinese (GB) fonts, fetched ahead by `preloadPdf`; others when a PDF asks. */
const CHINESE_CMAPS = [
  'Adobe-GB1-UCS2',
  'UniGB-UCS2-H',
  'UniGB-UTF16-H',
  'UniGB-UTF8-H',
  'UniGB-UTF32-H',
  'GB-H',
  'GB-EUC-H',
  'GBpc-EUC-H',
  'GBK-EUC-H',
  'GBKp-EUC-H',
  'GBK2K-H',
  'GBT-H',
  'GBT-EUC-H',
  'GBTpc-EUC-H',
];

const fetched = new Map<string, Promise<Uint8Array>>();

function fetchBytes(url: string): Promise<Uint8Array> {
  let bytes = fetched.get(url);
  if (!bytes) {
    bytes = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    });
    // A failed fetch is tried again next time (the network may be back).
    bytes.catch(() => fetched.delete(url));
    fetched.set(url, bytes);
  }
  return bytes;
}

/** pdf.js's CMapReaderFactory interface, served from memory when fetched before. */
class CMapReader {
  private baseUrl: string;
  constructor({ baseUrl }: { baseUrl: string }) {
    this.baseUrl = baseUrl;
  }
  async fetch({ name }: { name: string }) {
    return { cMapData: await fetchBytes(`${this.baseUrl}${name}.bcmap`), isCompressed: true };
  }
}

/** pdf.js's StandardFontDataFactory interface. */
class FontReader {
  private baseUrl: string;
  constructor({ baseUrl }: { baseUrl: string }) {
    this.baseUrl = baseUrl;
  }
  fetch({ filename }: { filename: string }) {
    return fetchBytes(`${this.baseUrl}${filename}`);
  }
}

let pdfjs: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.mjs')]).then(([lib, worker]) => {
    // pdf.js runs its worker code in this thread when it finds it here (no nested worker to fetch).
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  });
  return pdfjs;
}

export function pdfDocumentOptions(): DocumentOptions {
  return {
    cMapUrl: `${ASSETS}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${ASSETS}standard_fonts/`,
    CMapReaderFactory: CMapReader,
    StandardFontDataFactory: FontReader,
    // Fetched here through the readers above (a worker has no document.baseURI for pdf.js to check).
    useWorkerFetch: false,
  };
}

/** Loads pdf.js and the Chinese CMaps ahead of the first PDF, so that one read offline works. */
export async function preloadPdf(): Promise<void> {
  await loadPdfJs();
  await Promise.all(CHINESE_CMAPS.map((name) => fetchBytes(`${ASSETS}cmaps/${name}.bcmap`)));
}
