/**
 * pdf.js under Node (the ingest CLI, the build, the tests): its legacy build, with CMaps and
 * standard fonts read from the installed package. The browser has its own module
 * (./pdfPlatform.browser.ts); `#pdf-platform` in package.json picks one by the `browser`
 * condition, so ./pdf.ts is the same code in both.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type DocumentOptions = Omit<Parameters<PdfJs['getDocument']>[0] & object, 'data'>;

const require = createRequire(import.meta.url);
let pdfjs: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Where pdf.js finds the CMaps of CJK fonts that are not embedded, and the standard fonts. */
export function pdfDocumentOptions(): DocumentOptions {
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: `${pathToFileURL(join(root, 'cmaps')).href}/`,
    cMapPacked: true,
    standardFontDataUrl: `${pathToFileURL(join(root, 'standard_fonts')).href}/`,
  };
}

/** Loads pdf.js ahead of the first PDF (nothing else to fetch under Node). */
export async function preloadPdf(): Promise<void> {
  await loadPdfJs();
}
