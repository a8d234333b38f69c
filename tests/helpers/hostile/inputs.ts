/**
 * Hostile inputs of every class of issue 27, generated on demand (nothing large is committed):
 * used by the hostile tests and by `npm run bench:hostile`. `scale` 1 is the full attack (up to
 * the 2 MiB byte cap); the tests use smaller scales where the size itself is not the point.
 */
import { createDeflate } from 'node:zlib';
import { makeDocx, paragraph, run, docxBomb } from './docx.ts';
import { makePdf, type PdfPage } from './pdf.ts';

export const SENTENCE = '郑州市教育局推进集团化办学，新增优质学位1980个，群众满意度不断提升。';
const enc = (s: string) => Buffer.from(s, 'utf8');

/** A plain bulletin of `n` paragraphs (a readable, ingestible text). */
export function bulletinLines(n = 12): string[] {
  return [
    '郑州市金水区教育局工作简报',
    '2025年第5期',
    '金水区扎实推进集团化办学',
    ...Array.from(
      { length: n },
      (_, i) => `${SENTENCE.replace('1980', String(1000 + i))}集团内教师交流轮岗${300 + i}人次，课后服务全覆盖。`,
    ),
  ];
}

/** Deflates `size` bytes of `byte` in chunks (no buffer of that size is ever made): about size / 1000 bytes. */
export async function deflatedRun(size: number, byte = 0x20): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1 << 20, byte);
  for (let left = size; left > 0; left -= chunk.length) {
    if (!deflate.write(left >= chunk.length ? chunk : chunk.subarray(0, left)))
      await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

export interface HostileInput {
  /** The class of issue 27 §1 it belongs to. */
  name: string;
  file: string;
  bytes: () => Promise<Buffer> | Buffer;
}

/** Class 1: inputs under the byte cap that would take unbounded time or memory. */
export function budgetInputs(scale = 1): HostileInput[] {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  return [
    {
      name: 'DOCX of tiny runs',
      file: 'runs.docx',
      bytes: () => makeDocx([paragraph(run('字').repeat(n(300_000)))]),
    },
    {
      name: 'DOCX of tiny paragraphs',
      file: 'paragraphs.docx',
      bytes: () => makeDocx(Array.from({ length: n(200_000) }, () => paragraph(run('字')))),
    },
    { name: 'DOCX zip bomb (headers understate)', file: 'bomb.docx', bytes: () => docxBomb(n(1024)) },
    {
      name: 'PDF stream inflating to 1 GiB',
      file: 'stream.pdf',
      bytes: async () => makePdf([{ runs: [] }], { streams: [await deflatedRun(n(1024) * 1024 * 1024)] }),
    },
    {
      name: 'PDF of many pages',
      file: 'pages.pdf',
      bytes: () =>
        makePdf(Array.from({ length: n(5_000) }, (_, i) => ({ runs: [{ text: `第${i}页`, x: 72, y: 700 }] }))),
    },
    {
      name: 'PDF of 100,000 text items',
      file: 'items.pdf',
      bytes: () => {
        const pages: PdfPage[] = [];
        for (let p = 0; p < n(100); p++)
          pages.push({
            runs: Array.from({ length: 1000 }, (_, i) => ({
              text: '字',
              x: 20 + (i % 40) * 13,
              y: 800 - Math.floor(i / 40) * 30,
            })),
          });
        return makePdf(pages, { compress: true });
      },
    },
    {
      name: 'HTML nested 100,000 deep',
      file: 'deep.html',
      bytes: () => enc(`<!doctype html><html><body>${'<div>'.repeat(n(100_000))}${SENTENCE.repeat(10)}</body></html>`),
    },
    {
      name: '1.8 MB of character references',
      file: 'entities.html',
      bytes: () =>
        enc(`<!doctype html><html><body><article><p>${'&#x4e2d;'.repeat(n(230_000))}</p></article></body></html>`),
    },
    {
      name: 'one 1.9 MB Markdown line',
      file: 'line.md',
      // A year, so that ingest gets past dating and every later stage runs on the 1.9 MB paragraph.
      bytes: () => enc(`# 标题\n\n2025年，${SENTENCE.repeat(n(19_000))}\n`),
    },
    {
      name: 'Markdown of emphasis delimiters',
      file: 'stars.md',
      bytes: () => enc(`# 标题\n\n${'*a_'.repeat(n(600_000))}\n`),
    },
    { name: '100,000 nested > quotes', file: 'quotes.md', bytes: () => enc(`${'>'.repeat(n(100_000))} ${SENTENCE}\n`) },
    { name: 'one 1.9 MB text line', file: 'line.txt', bytes: () => enc(`2025年，${SENTENCE.repeat(n(19_000))}`) },
  ];
}

/** A marker text per hiding trick: it must never appear in what a reader yields. */
export const HIDDEN = {
  vanish: '隐藏文字甲',
  white: '白色文字乙',
  tiny: '微小文字丙',
  styled: '样式隐藏丁',
  mode3: '不可见文字戊',
  offPage: '页外文字己',
  background: '同色文字庚',
  offScreen: '屏幕外文字辛',
  clipped: '裁剪文字壬',
} as const;

/** Class 2: one document per format with hidden text beside visible text. */
export function hiddenTextInputs(): HostileInput[] {
  const body = bulletinLines();
  const docxStyles =
    '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>';
  const html = `<!doctype html><html><head><title>简报</title><style>.secret{display:none}.far{position:absolute;left:-9999px}.clip{width:1px;height:1px;overflow:hidden}.box{background:#123456}.box span{color:#123456}</style></head><body><article><h1>${body[0]}</h1>${body
    .slice(1)
    .map((l) => `<p>${l}</p>`)
    .join(
      '',
    )}<p class="secret">${HIDDEN.styled}</p><p style="font-size:0">${HIDDEN.tiny}</p><p style="color:#fff">${HIDDEN.white}</p><p class="far">${HIDDEN.offScreen}</p><p class="clip">${HIDDEN.clipped}</p><div class="box"><span>${HIDDEN.background}</span></div></article></body></html>`;
  return [
    {
      name: 'DOCX hidden runs',
      file: 'hidden.docx',
      bytes: () =>
        makeDocx(
          [
            ...body.map((l) => paragraph(run(l))),
            paragraph(
              run(HIDDEN.vanish, '<w:vanish/>') +
                run(HIDDEN.white, '<w:color w:val="FFFFFF"/>') +
                run(HIDDEN.tiny, '<w:sz w:val="2"/>') +
                run(HIDDEN.styled, '<w:rStyle w:val="Secret"/>') +
                run(HIDDEN.background, '<w:color w:val="123456"/><w:shd w:val="clear" w:fill="123456"/>'),
            ),
          ],
          { 'word/styles.xml': docxStyles },
        ),
    },
    {
      name: 'PDF hidden text',
      file: 'hidden.pdf',
      bytes: () => {
        const runs = body.map((text, i) => ({ text, x: 72, y: 780 - i * 20 }));
        runs.push(
          { text: HIDDEN.mode3, x: 72, y: 400, mode: 3 } as never,
          { text: HIDDEN.white, x: 72, y: 380, rgb: [1, 1, 1] } as never,
          { text: HIDDEN.tiny, x: 72, y: 360, size: 0.5 } as never,
          { text: HIDDEN.offPage, x: 900, y: 340 },
          { text: HIDDEN.background, x: 72, y: 305, rgb: [0.2, 0.2, 0.2] } as never,
          { text: HIDDEN.vanish, x: 72, y: 280, mode: 7 } as never,
        );
        return makePdf([{ runs, before: '0.2 0.2 0.2 rg 60 295 300 25 re f' }]);
      },
    },
    { name: 'HTML hidden elements', file: 'hidden.html', bytes: () => enc(html) },
    {
      name: 'Markdown with hidden raw HTML',
      file: 'hidden.md',
      bytes: () =>
        enc(
          `<style>.s{display:none}</style>\n\n# ${body[0]}\n\n${body.slice(1).join('\n\n')}\n\n正文<span style="display:none">${HIDDEN.styled}</span>继续\n\n<p class="s">${HIDDEN.vanish}</p>\n\n<div style="color:white">${HIDDEN.white}</div>\n`,
        ),
    },
  ];
}

/** Class 3: control, bidi and invisible characters spelled as escapes in metadata. */
export function escapeInputs(): HostileInput[] {
  const body = bulletinLines();
  return [
    {
      name: 'front matter YAML escapes',
      file: 'escapes.md',
      bytes: () =>
        enc(
          `---\ntitle: "通知\\u202E标题\\e[2J\\0\\x85\\L\\uFEFF\\u200B"\nauthor: "作者\\u202E"\n---\n\n${body.join('\n\n')}\n`,
        ),
    },
    {
      name: 'HTML <title> and <meta> references',
      file: 'escapes.html',
      bytes: () =>
        enc(
          `<!doctype html><html><head><title>标题&#x202E;&#27;[2J</title><meta name="author" content="作者&#x200B;&#x202E;"><meta name="ContentSource" content="来源&#x1b;"></head><body><article><h1>金水区&#x202E;简报</h1>${body
            .map((l) => `<p>${l}</p>`)
            .join('')}</article></body></html>`,
        ),
    },
    {
      name: 'DOCX properties with controls',
      file: 'escapes.docx',
      bytes: () =>
        makeDocx(
          body.map((l) => paragraph(run(l))),
          {
            'docProps/core.xml':
              '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>标题&#x202E;反转</dc:title><dc:creator>作者&#x200B;&#x2066;</dc:creator></cp:coreProperties>',
          },
        ),
    },
  ];
}
