/**
 * The read budget (Node only): every document read — by the ingest CLI and by the build's source
 * pages — runs in a worker thread with a V8 heap limit, a deadline and a watch on the process's
 * resident memory, so any input up to the byte cap gives blocks or a refusal within the budget,
 * whatever a parser does with it. The readers also cap what they inflate and parse
 * (../limits.ts); this is the runtime's guarantee behind them. A worker that hits a limit is
 * terminated and the read refused with a message naming the limit; the next read starts a new one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadResult } from '../../structure/blocks.ts';
import { MAX_INPUT_BYTES } from '../decode.ts';

export interface ReadBudget {
  /** Wall-clock time for one read (a new worker's start, about a second, comes on top). */
  seconds: number;
  /** V8 old-generation heap of the worker. */
  heapMb: number;
  /** Growth of the whole process's resident memory during a read (buffers outside the V8 heap count here). */
  rssGrowthMb: number;
}

/** One read of one input: time and memory, chosen so that a whole ingest stays within 15 s and 512 MB. */
export const READ_BUDGET: ReadBudget = { seconds: 10, heapMb: 224, rssGrowthMb: 320 };

/** Resolved at run time: in the build's bundle the module is not next to its worker file. */
function workerFile(): URL {
  const here = new URL('./readWorker.mjs', import.meta.url);
  if (here.protocol === 'file:' && existsSync(here)) return here;
  return pathToFileURL(join(process.cwd(), 'src/lib/ingest/read/budget/readWorker.mjs'));
}

type Reply = { id: number; result?: ReadResult; error?: string } | { ready: true };

const refusal = (reason: string): ReadResult => ({ ok: false, reason });

/** The refusal for a read that hit a limit, naming it. */
export function budgetRefusal(limit: 'time' | 'heap' | 'memory', budget: ReadBudget = READ_BUDGET): ReadResult {
  const what =
    limit === 'time'
      ? `reading took longer than the ${budget.seconds} s time limit per input`
      : limit === 'heap'
        ? `reading needed more than the ${budget.heapMb} MB heap limit per input`
        : `reading grew the process by more than the ${budget.rssGrowthMb} MB memory limit per input`;
  return refusal(
    `refused: ${what} (a bulletin reads in a few seconds and a few tens of MB) — the file is too complex or built to stall the reader; save it again as .txt, .docx or .pdf from its original`,
  );
}

/**
 * A reader with one worker, reused from read to read (starting one costs a few hundred ms of
 * module loading) and replaced after a read that hit a limit. Idle, it does not keep the process
 * alive.
 */
export class BudgetedReader {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private next = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private budget: ReadBudget = READ_BUDGET) {}

  /** Reads one document within the budget; reads are run one after another. */
  read(bytes: Uint8Array, fileName: string, maxBytes = MAX_INPUT_BYTES): Promise<ReadResult> {
    const run = this.queue.then(() => this.readNow(bytes, fileName, maxBytes));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the worker now, so that its start overlaps the caller's own preparations. */
  warm(): void {
    this.start().ready.catch(() => undefined);
  }

  /** Stops the worker (tests, or a caller that is done). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    await worker?.terminate();
  }

  private start(): { worker: Worker; ready: Promise<void> } {
    if (this.worker && this.ready) return { worker: this.worker, ready: this.ready };
    const worker = new Worker(workerFile(), {
      resourceLimits: { maxOldGenerationSizeMb: this.budget.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // Parsers' console warnings are not the editor's business (and would break --json): kept
      // from the terminal. Not read either: a flowing stream would keep the process alive.
      stdout: true,
      stderr: true,
    });
    worker.unref();
    // Always listened to, so that a worker dying between reads is forgotten, never an unhandled error.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = this.ready = undefined;
    });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: Reply) => {
        if ('ready' in m) {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the reader worker exited (${code}) before it was ready`)));
    });
    this.worker = worker;
    this.ready = ready;
    return { worker, ready };
  }

  private async readNow(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<ReadResult> {
    let deadline = Infinity;
    const rssLimit = process.memoryUsage.rss() + this.budget.rssGrowthMb * 1024 * 1024;
    const { worker, ready } = this.start();
    const id = this.next++;
    worker.ref();
    let timer: NodeJS.Timeout | undefined;
    const onMessage = (m: Reply) => {
      if ('id' in m && m.id === id) settle(m.error !== undefined ? new Error(m.error) : m.result!);
    };
    const onError = (error: Error & { code?: string }) =>
      settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'heap' : error);
    const onExit = () => settle(new Error('the reader worker stopped'));
    let settle: (outcome: ReadResult | 'time' | 'heap' | 'memory' | Error) => void = () => undefined;
    const outcome = await new Promise<ReadResult | 'time' | 'heap' | 'memory' | Error>((resolve) => {
      settle = resolve;
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // Polled, because buffers outside the V8 heap (inflated streams) are not under the heap limit.
      timer = setInterval(() => {
        if (performance.now() > deadline) resolve('time');
        else if (process.memoryUsage.rss() > rssLimit) resolve('memory');
      }, 20);
      ready.then(
        () => {
          deadline = performance.now() + this.budget.seconds * 1000;
          worker.postMessage({ id, bytes, fileName, maxBytes });
        },
        (error: Error & { code?: string }) => resolve(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'heap' : error),
      );
    }).finally(() => clearInterval(timer));
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (outcome instanceof Error || typeof outcome === 'string') {
      await this.close();
      if (typeof outcome === 'string') return budgetRefusal(outcome, this.budget);
      return refusal(`the reader failed on this file: ${outcome.message}`);
    }
    worker.unref();
    return outcome;
  }
}

let shared: BudgetedReader | undefined;

/** Reads one document within READ_BUDGET, on a worker shared by the whole process. */
export function readWithinBudget(bytes: Uint8Array, fileName: string, maxBytes = MAX_INPUT_BYTES): Promise<ReadResult> {
  shared ??= new BudgetedReader();
  return shared.read(bytes, fileName, maxBytes);
}

/** Starts the shared worker ahead of the first read. */
export function warmReader(): void {
  shared ??= new BudgetedReader();
  shared.warm();
}
