// The worker side of ./budget.ts: reads documents with the project's readers (TypeScript, loaded
// through tsx) inside an isolate whose heap the parent limits, one request at a time.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { readDocument } = await tsImport('../read.ts', import.meta.url);

parentPort.on('message', async ({ id, bytes, fileName, maxBytes }) => {
  try {
    const result = await readDocument(bytes, fileName, maxBytes);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
parentPort.postMessage({ ready: true });
