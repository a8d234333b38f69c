/** A thread of siteAnswers.ts: writes the answers of its slice of the known terms and posts how many. */
import { parentPort, workerData } from 'node:worker_threads';
import { answerTerms } from './siteAnswers.ts';
import type { SearchTerms } from './terms.ts';

const { dist, terms, tag, slice } = workerData as { dist: string; terms: SearchTerms; tag: string; slice: string[] };
parentPort!.postMessage(await answerTerms(dist, terms, tag, slice));
