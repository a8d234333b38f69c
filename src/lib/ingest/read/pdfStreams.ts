/**
 * What a PDF's streams really inflate to, counted before pdf.js inflates them: pdf.js decodes a
 * content stream whole into one growing buffer (outside the V8 heap), so a 2 MB file whose one
 * stream inflates to 1 GiB would take 1 GiB. Every Flate stream that is not an image (pdf.js does
 * not decode images to read text) is inflated here in chunks, chained filters included, and the
 * count stops at the limit — whatever /Length or the dictionary claims.
 */
import { Unzlib } from 'fflate';
import { enforce, READ_LIMITS, ReadLimitError } from './limits.ts';

const latin1 = new TextDecoder('latin1');

/** Inflates `data` `times` times over, adding the output to `total`; throws past the limit. Returns the output when `keep`. */
function inflateCounted(data: Uint8Array, times: number, counter: { total: number }, keepLast = false): Uint8Array[] {
  const limit = READ_LIMITS.pdfInflatedBytes;
  let chunks: Uint8Array[] = [data];
  for (let round = 0; round < times; round++) {
    const out: Uint8Array[] = [];
    const keep = round + 1 < times || keepLast;
    const inflate = new Unzlib((chunk) => {
      counter.total += chunk.length;
      if (counter.total > limit) throw new ReadLimitError('pdfInflatedBytes', 'over the limit');
      if (keep) out.push(chunk);
    });
    try {
      for (const c of chunks) for (let i = 0; i < c.length; i += 65536) inflate.push(c.subarray(i, i + 65536));
      inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof ReadLimitError) throw error;
      return []; // A damaged stream: pdf.js reports it (or recovers) itself.
    }
    chunks = out;
  }
  return chunks;
}

/** Page objects (`/Type /Page`, not `/Pages`) in a piece of PDF syntax. */
const pageObjects = (text: string) => text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

/**
 * Throws `ReadLimitError` when the PDF's non-image Flate streams inflate to more than the limit,
 * or when it has more page objects than the page limit (counted in the file and in its object
 * streams: pdf.js needs seconds and hundreds of MB just to open a file of 5,000 pages). Streams
 * are found by their keywords, so a lying /Length does not matter.
 */
export function checkPdfInflation(bytes: Uint8Array): void {
  const text = latin1.decode(bytes);
  const counter = { total: 0 };
  let pages = pageObjects(text);
  enforce('pdfPages', pages);
  let from = 0;
  for (;;) {
    const start = text.indexOf('stream', from);
    if (start < 0) return;
    from = start + 6;
    if (text.startsWith('endstream', start - 3)) continue;
    // The stream's dictionary: from its `obj` keyword (nested dictionaries such as /DecodeParms included).
    const dict = text.slice(Math.max(text.lastIndexOf('obj', start), start - 4096, 0), start);
    let dataStart = start + 6;
    if (text[dataStart] === '\r') dataStart++;
    if (text[dataStart] === '\n') dataStart++;
    const end = text.indexOf('endstream', dataStart);
    if (end < 0) return;
    from = end + 9;
    const flate = dict.match(/\/(FlateDecode|Fl)\b/g)?.length ?? 0;
    if (!flate || /\/Subtype\s*\/Image\b/.test(dict)) continue;
    const objects = /\/Type\s*\/ObjStm\b/.test(dict);
    const out = inflateCounted(bytes.subarray(dataStart, end), flate, counter, objects);
    for (const chunk of out) enforce('pdfPages', (pages += pageObjects(latin1.decode(chunk))));
  }
}
