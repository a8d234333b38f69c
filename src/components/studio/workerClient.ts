/**
 * Requests to the studio's worker (./worker.ts) as promises. A request that takes longer than
 * its budget (a hostile file that pdf.js or mammoth cannot finish) ends the worker: it is
 * started again and the request fails with `timeout`, so the page never hangs.
 */
import type { FigureDraft } from '../../lib/ingest/draft/files.ts';
import type { StudioData } from '../../lib/studio/data.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

/** How long reading or ingesting one file may take. */
const WORKER_BUDGET_MS = 60_000;

type Pending = { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void; timer: number };

export class IngestWorker {
  private worker!: Worker;
  private next = 1;
  private pending = new Map<number, Pending>();

  constructor(private data: StudioData) {
    this.start();
  }

  private start(): void {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const waiting = this.pending.get(event.data.id);
      if (!waiting) return;
      this.pending.delete(event.data.id);
      clearTimeout(waiting.timer);
      if ('error' in event.data) waiting.reject(new Error(event.data.error));
      else waiting.resolve(event.data);
    });
    this.worker.postMessage({ id: 0, request: { type: 'init', data: this.data } });
  }

  private restart(): void {
    this.worker.terminate();
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error('timeout'));
    }
    this.pending.clear();
    this.start();
  }

  /** Sends a request; `transfer` hands buffers over without copying. */
  request(request: WorkerRequest, budget = WORKER_BUDGET_MS): Promise<WorkerReply> & { id: number } {
    const id = this.next++;
    const promise = new Promise<WorkerReply>((resolve, reject) => {
      const timer = window.setTimeout(() => this.restart(), budget);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ id, request });
    });
    return Object.assign(promise, { id });
  }

  /** Codes of places, or ids of measures, that match what was typed, best first. */
  async find(what: 'region' | 'measure', typed: string, limit = 15): Promise<string[]> {
    const reply = await this.request({ type: 'find', what, typed, limit }, 10_000);
    return 'found' in reply ? reply.found : [];
  }

  /** Figures of paragraphs as ingest proposes them, or the one of a selected number. */
  async figures(
    request: Omit<Extract<WorkerRequest, { type: 'figures' }>, 'type'>,
  ): Promise<(FigureDraft & { paragraph?: number })[]> {
    const reply = await this.request({ type: 'figures', ...request }, 20_000);
    return 'figures' in reply ? reply.figures : [];
  }
}
