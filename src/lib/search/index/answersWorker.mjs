// The entry of an answers thread (siteAnswers.ts): a thread does not inherit the main thread's
// TypeScript loader on Node 20, so it registers tsx itself, then runs answersThread.ts.
import { register } from 'tsx/esm/api';

register();
await import('./answersThread.ts');
