/**
 * pdf.js under Node (the ingest CLI, the build, the tests): its legacy build, with CMaps and
 * standard fonts read from the installed package. The browser has its own module
 * (./pdfPlatform.browser.ts); `#pdf-platform` in package.json picks one by the `browser`
 * condition, so ./pdf.ts is the same code in both.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type DocumentOptions = Omit<Parameters<PdfJs['getDocument']>[0] & object, 'data'>;

const require = createRequire(import.meta.url);
let pdfjs: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * Where pdf.js finds the CMaps of CJK fonts that are not embedded, and the standard fonts:
 * folder paths, which its Node reader hands to fs.readFile (a `file://` URL string it cannot read).
 */
export function pdfDocumentOptions(): DocumentOptions {
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: `${join(root, 'cmaps')}${sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}${sep}`,
  };
}

/** Loads pdf.js ahead of the first PDF (nothing else to fetch under Node). */
export async function preloadPdf(): Promise<void> {
  await loadPdfJs();
}
