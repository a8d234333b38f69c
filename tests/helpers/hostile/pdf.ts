/**
 * A minimal PDF writer for hostile fixtures made at test time: pages of Chinese text in the
 * non-embedded Adobe-GB1 font STSong-Light (UTF-16 code units through the UniGB-UCS2-H CMap, which
 * pdf.js maps back to Unicode), with the text state an attacker plays with — render mode, fill
 * colour, type size, position — and optionally a Flate-compressed content stream.
 */
import { deflateSync } from 'node:zlib';

export interface PdfRun {
  text: string;
  x: number;
  y: number;
  /** Type size in points. @default 12 */
  size?: number;
  /** Text render mode (3: invisible, 7: clip only). @default 0 */
  mode?: number;
  /** Fill colour as RGB 0–1. @default black */
  rgb?: [number, number, number];
}

export interface PdfPage {
  runs: PdfRun[];
  /** Extra content-stream operators painted before the text (e.g. a background rectangle). */
  before?: string;
}

const hex = (text: string) =>
  [...text]
    .map((c) => c.charCodeAt(0).toString(16).padStart(4, '0'))
    .join('')
    .toUpperCase();

/** The content stream of a page: one BT … ET per run. */
export function pageContent(page: PdfPage): string {
  const ops = page.before ? [page.before] : [];
  for (const r of page.runs) {
    const [red, green, blue] = r.rgb ?? [0, 0, 0];
    ops.push(
      `BT ${r.mode ?? 0} Tr ${red} ${green} ${blue} rg /F1 ${r.size ?? 12} Tf 1 0 0 1 ${r.x} ${r.y} Tm <${hex(r.text)}> Tj ET`,
    );
  }
  return ops.join('\n');
}

/** A PDF of the given pages (A4); `compress` deflates the content streams. */
export function makePdf(
  pages: readonly PdfPage[],
  { compress = false, streams }: { compress?: boolean; streams?: Buffer[] } = {},
): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const stream = (data: Buffer, dict = '') =>
    Buffer.concat([
      Buffer.from(`<< /Length ${data.length}${dict} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  const pagesId = add(''); // filled below
  const font = add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
  );
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>',
  );
  add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  const kids: number[] = [];
  pages.forEach((page, i) => {
    const data = streams?.[i] ?? Buffer.from(pageContent(page), 'latin1');
    const content = add(
      compress || streams?.[i] ? stream(streams?.[i] ?? deflateSync(data), ' /Filter /FlateDecode') : stream(data),
    );
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  });
  objects[pagesId - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
    'latin1',
  );
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let offset = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    offset += obj.length;
    parts.push(obj);
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
  ].join('');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** Lines of text laid out top to bottom on A4 pages, `perPage` lines a page. */
export function textPages(lines: readonly string[], perPage = 40): PdfPage[] {
  const pages: PdfPage[] = [];
  for (let i = 0; i < lines.length; i += perPage)
    pages.push({ runs: lines.slice(i, i + perPage).map((text, j) => ({ text, x: 72, y: 770 - j * 18 })) });
  return pages;
}
