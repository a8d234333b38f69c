/**
 * The raw bulletin behind a source record, published as data, never as a page: a `.txt` seed as
 * text (`sources/<id>/<id>.txt`, text/plain), any other original (.html, .svg, .xhtml, .md, .docx,
 * .pdf …) as `sources/<id>/<id>.bin`, which every static host serves as application/octet-stream,
 * with its own file name restored by the link's `download` attribute. A browser can then never
 * run a seed's scripts on the casebook's origin. Seeds are checked at build (src/lib/content/seeds.ts).
 */
import { readFileSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import { decodeBytes } from '../lib/ingest/read/decode.ts';
import { visibleControls } from '../lib/text/unsafeChars.ts';
import { readWithinBudget } from '../lib/ingest/read/budget/budget.ts';
import { documentText } from '../lib/ingest/read/document.ts';
import type { SourceEntry } from './casebook.ts';

export interface PublishedSeed {
  /** File name under sources/<id>/ (a safe name: the source id and .txt or .bin). */
  name: string;
  /** The seed's own file name, for the saved download. */
  downloadName: string;
  /** Lowercase extension of the original, e.g. `.txt`, `.html`. */
  format: string;
}

export function publishedSeed(source: SourceEntry): PublishedSeed {
  const downloadName = posix.basename(source.data.file);
  const format = extname(downloadName).toLowerCase();
  return { name: `${source.id}${format === '.txt' ? '.txt' : '.bin'}`, downloadName, format };
}

export function rawBytes(source: SourceEntry): Buffer {
  return readFileSync(join(process.cwd(), source.data.file));
}

/**
 * The bulletin's text for reading on the source page, or undefined when it can only be downloaded.
 * A `.txt` seed is decoded as the ingest CLI decodes it (seeds may be GBK as received); another
 * format (.md, .html, .docx, .pdf) shows the text the ingest readers extract from it, and one they
 * refuse (a scan without a text layer, or a file that exceeds the read budget: the same
 * worker with its time and memory limits as the ingest CLI) is offered as a download only, with a
 * warning in the build's log. Invisible and control characters are shown as visible ⟨U+…⟩
 * markers, never acting on the page.
 */
export async function sourcePageText(source: SourceEntry): Promise<string | undefined> {
  const seed = publishedSeed(source);
  if (seed.format !== '.txt') {
    const read = await readWithinBudget(new Uint8Array(rawBytes(source)), seed.downloadName);
    if (read.ok) return visibleControls(documentText(read));
    console.warn(`${source.data.file}: shown as a download only: ${read.reason}`);
    return undefined;
  }
  const decoded = decodeBytes(rawBytes(source), Number.POSITIVE_INFINITY);
  if (!decoded.ok) throw new Error(`${source.data.file}: ${decoded.reason}`);
  return visibleControls(decoded.text);
}
