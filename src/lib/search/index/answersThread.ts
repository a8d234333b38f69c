/** A thread of siteAnswers.ts: writes the answers of its slice of the known terms and posts how many. */
import { parentPort, workerData } from 'node:worker_threads';
import { answerTerms, type AnsweredIndex } from './siteAnswers.ts';
import type { SearchTerms } from '../query/terms.ts';

const { dist, terms, index, slice } = workerData as {
  dist: string;
  terms: SearchTerms;
  index: AnsweredIndex;
  slice: string[];
};
parentPort!.postMessage(await answerTerms(dist, terms, index, slice));
