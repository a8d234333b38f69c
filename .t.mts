import { readFileSync } from 'node:fs';
import { readDocument } from './src/lib/ingest/read.ts';
const f = readFileSync('tests/fixtures/ingest/formats/zhejiang-compilation.pdf');
for (let i = 0; i < 4; i++) { const t = performance.now(); await readDocument(f, 'x.pdf'); console.log(Math.round(performance.now() - t)); }
