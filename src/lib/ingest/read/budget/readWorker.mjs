// The worker side of ./budget.ts: reads documents with the project's readers (TypeScript) inside
// an isolate whose heap the parent limits, one request at a time. Under the tsx CLI the worker
// inherits its loader and imports the readers directly; elsewhere (the build, tests) it loads
// them through tsx's API.
import { parentPort } from 'node:worker_threads';

async function readers() {
  try {
    return await import('../document.ts');
  } catch {
    const { tsImport } = await import('tsx/esm/api');
    return tsImport('../document.ts', import.meta.url);
  }
}

const { readDocument } = await readers();

parentPort.on('message', async ({ id, bytes, fileName, maxBytes }) => {
  try {
    const result = await readDocument(bytes, fileName, maxBytes);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
parentPort.postMessage({ ready: true });
