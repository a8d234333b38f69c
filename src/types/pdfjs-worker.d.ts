// pdf.js's worker code, imported by the studio so that pdf.js runs it in the same thread
// (src/lib/ingest/read/pdfPlatform.browser.ts); only its presence matters, not its API.
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
