// A thread of siteIndex.ts that indexes one part: its own Pagefind service (one per thread: the
// Node API keeps one per module instance) gets the part's records and writes its bundle, which
// takes the service most of a core; two threads index two parts at once. Plain JavaScript, so
// that a thread starts without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

/** Records sent to the service at once. */
const IN_FLIGHT = 8;

/** @type {{ records: { url: string; content: string; language: string }[]; dir: string }} */
const { records, dir } = workerData;

/** Indexes the records; returns what went wrong, naming the record the service rejected. */
async function indexRecords() {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) return { error: `Pagefind could not create an index: ${errors.join('; ')}` };
  let rejected;
  const inFlight = new Set();
  for (const [i, record] of records.entries()) {
    const job = index.addCustomRecord(record).then((response) => {
      if (response.errors.length && !rejected) rejected = { record: i, error: response.errors.join('; ') };
      inFlight.delete(job);
    });
    inFlight.add(job);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    if (rejected) break;
  }
  await Promise.all(inFlight);
  if (rejected) return rejected;
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length) return { error: `Pagefind could not write the index: ${written.errors.join('; ')}` };
  await index.deleteIndex();
  return {};
}

try {
  parentPort.postMessage(await indexRecords());
} finally {
  await pagefind.close();
}
