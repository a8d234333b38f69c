/**
 * Minimal DOCX files made at test time (the parts Word and mammoth need, nothing else), with runs
 * an attacker controls (hidden, white, tiny), and ZIP containers whose headers lie about sizes.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run: text and raw run properties (`<w:vanish/>`, `<w:color w:val="FFFFFF"/>` …). */
export const run = (text: string, rPr = '') =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/** A paragraph of runs (raw XML), with an optional paragraph style. */
export const paragraph = (runs: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs}</w:p>`;

export function documentXml(paragraphs: readonly string[], background?: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}>${background ? `<w:background w:color="${background}"/>` : ''}<w:body>${paragraphs.join('')}</w:body></w:document>`;
}

/** A DOCX with the given body paragraphs (raw XML) and extra parts (e.g. `word/styles.xml`). */
export function makeDocx(
  paragraphs: readonly string[],
  parts: Record<string, string> = {},
  background?: string,
): Buffer {
  const enc = (s: string) => new TextEncoder().encode(s);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': enc(CONTENT_TYPES),
    '_rels/.rels': enc(RELS),
    'word/document.xml': enc(documentXml(paragraphs, background)),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = enc(xml);
  return Buffer.from(zipSync(files, { level: 1 }));
}

/** A styles part with one character style. */
export const stylesXml = (id: string, rPr: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="character" w:styleId="${id}"><w:name w:val="${id}"/><w:rPr>${rPr}</w:rPr></w:style></w:styles>`;

/**
 * A ZIP whose entries' headers declare `declared` bytes while the data inflates to `actual`
 * (zeros inside a valid document.xml is not needed: the size is what matters).
 */
export function lyingZip(entries: { name: string; packed: Buffer; crc: number; declared: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const { packed, crc } = e;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const packedEntry = (name: string, text: string) => {
  const data = Buffer.from(text);
  return { name, packed: deflateRawSync(data), crc: crc32(data), declared: data.length };
};

/**
 * A DOCX bomb: document.xml declares 1 KB and inflates to `megabytes` MB of spaces inside the body
 * (deflated in chunks: about a thousandth of that on disk, never that much in memory).
 */
export async function docxBomb(megabytes: number): Promise<Buffer> {
  const parts = [
    Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body>`),
    ...Array.from({ length: megabytes }, () => Buffer.alloc(1024 * 1024, 0x20)),
    Buffer.from('</w:body></w:document>'),
  ];
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (const part of parts) {
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return lyingZip([
    packedEntry('[Content_Types].xml', CONTENT_TYPES),
    packedEntry('_rels/.rels', RELS),
    { name: 'word/document.xml', packed: Buffer.concat(out), crc, declared: 1024 },
  ]);
}
