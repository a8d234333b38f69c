// Readers: format sniffing, and what each format's reader makes of its markup — always the
// same block model plus metadata, or a refusal with a reason.
import { docxBomb } from '../../../helpers/hostile/docx.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metadataDate } from '../../../../src/lib/ingest/structure/dating.ts';
import {
  dropNoise,
  isCssText,
  isExportPrompt,
  stripDecorations,
} from '../../../../src/lib/ingest/structure/exportNoise.ts';
import {
  extractedText,
  looksLikeHtml,
  looksLikeMarkdown,
  readDocument,
  readTextDocument,
  sniffBinary,
} from '../../../../src/lib/ingest/read/document.ts';
import { isScriptUrl } from '../../../../src/lib/ingest/read/htmlBlocks.ts';
import { parseInfoLine } from '../../../../src/lib/ingest/read/html.ts';
import { frontMatterMeta } from '../../../../src/lib/ingest/read/markdown.ts';
import { isPageNumber, reflow, runningLines, type PdfLine } from '../../../../src/lib/ingest/read/pdf.ts';
import { fixtures } from '../context.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const read = (s: string, name: string) => readTextDocument(enc(s), name);
const blocks = (s: string, name: string) => {
  const r = read(s, name);
  if (!r.ok) throw new Error(r.reason);
  return r.blocks.map((b) => `${b.kind}${b.level ?? ''}:${b.text}`);
};

describe('sniffing', () => {
  it('tells formats by content, whatever the extension', () => {
    expect(sniffBinary(enc('%PDF-1.7\n'), 'x.txt')).toEqual({ format: 'pdf' });
    expect(sniffBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'notice')).toEqual({ format: 'docx' });
    expect(sniffBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.doc')).toMatchObject({
      refuse: expect.stringMatching(/旧版 Word/),
    });
    expect(sniffBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'a.png')).toMatchObject({
      refuse: expect.stringMatching(/OCR/),
    });
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('正文里提到<html>标签')).toBe(false);
    expect(looksLikeMarkdown('---\ntitle: 标题\n---\n正文')).toBe(true);
    expect(looksLikeMarkdown('一、总体要求\n\n正文。')).toBe(false);
  });
});

describe('Markdown', () => {
  it('reads front matter as metadata with a YAML parser, never as text', () => {
    const r = read(
      '---\ntitle: "通知"\nauthor: 成都市教育局\naccount: 成都教育发布\nsource: 微信公众号\ndate: 2025-05-16T08:00:00+08:00\nurl: https://example.cn/a\n---\n\n正文。',
      'a.md',
    );
    expect(r.ok && r.meta).toEqual({
      title: '通知',
      author: '成都市教育局',
      publication: '成都教育发布',
      date: '2025-05-16',
      dateFrom: 'front matter `date: 2025-05-16T08:00:00+08:00`',
      url: 'https://example.cn/a',
    });
    expect(r.ok && r.blocks.map((b) => b.text)).toEqual(['正文。']);
  });

  it('keeps metadata out even when the front matter is broken YAML, and says so', () => {
    const r = read('---\ntitle: [unclosed\n---\n\n正文。', 'a.md');
    expect(r.ok && r.blocks.map((b) => b.text)).toEqual(['正文。']);
    expect(r.ok && r.notes.join()).toMatch(/not valid YAML/);
  });

  it('drops bold around Chinese quotes, images wrapped in **, javascript: links; keeps link text', () => {
    expect(
      blocks(
        '坚持**“公民同招”**原则，[详见](https://a.cn/x)通知。\n\n**![](a.jpg)**\n\n[点[击]这里](javascript:alert(1))关注。\n\n[r]: javascript:alert(1)',
        'a.md',
      ),
    ).toEqual(['paragraph:坚持“公民同招”原则，详见通知。', 'image:', 'paragraph:关注。']);
  });

  it('reads # headings and whole bold lines as headings, a bold lead in a sentence as text', () => {
    expect(
      blocks('# 标题\n\n**一、总体要求**\n\n**一是**加强领导，落实责任。\n\n> 来源：某局\n\n- 第一项', 'a.md'),
    ).toEqual([
      'heading1:标题',
      'heading2:一、总体要求',
      'paragraph:一是加强领导，落实责任。',
      'quote:来源：某局',
      'listItem:第一项',
    ]);
  });
});

describe('HTML', () => {
  it('reads <meta> dates, the source line and the canonical URL; drops nav, scripts and share widgets', () => {
    const page = readFileSync(join(fixtures, 'formats/nanjing-bureau-page.html'), 'utf8');
    const r = read(page, 'page.html');
    if (!r.ok) throw new Error(r.reason);
    expect(r.meta).toMatchObject({
      title: '南京市推进义务教育优质均衡发展工作情况通报',
      date: '2025-03-18',
      source: '南京市教育局',
      url: 'https://edu.nanjing.example.gov.cn/zwgk/2025/0318/fixture.html',
    });
    const text = r.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/首页|分享到|统计代码|版权所有|打印本页|相关链接|_hmt/);
    expect(r.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(r.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => b.text)).toEqual([
      '一、扩大优质教育资源供给',
      '二、深化教师队伍管理改革',
      '三、持续落实“双减”工作',
    ]);
  });

  it('parses a bureau page’s info line', () => {
    expect(parseInfoLine('来源：成都市教育局　发布时间：2025-03-12 10:00 浏览次数：12')).toEqual({
      source: '成都市教育局',
      date: '2025-03-12',
    });
  });

  it('refuses a page without an article', () => {
    const r = read(
      '<!doctype html><html><body><nav><a href="/">首页</a></nav><ul><li><a href="/1">通知一</a></li></ul></body></html>',
      'list.html',
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^网页中没有找到正文/);
  });

  it('treats javascript:, vbscript: and data: links as scripts, however they are spelled', () => {
    for (const href of [
      'javascript:void(0)',
      ' JavaScript:alert(1)',
      'java\tscript:x',
      'vbscript:x',
      'data:text/html,x',
    ])
      expect(isScriptUrl(href)).toBe(true);
    for (const href of ['https://a.cn', '/x', 'mailto:a@b.cn']) expect(isScriptUrl(href)).toBe(false);
  });
});

describe('DOCX and PDF', () => {
  it('reads headings from paragraph styles and the title from document properties', async () => {
    const r = await readDocument(
      new Uint8Array(readFileSync(join(fixtures, 'formats/guangdong-year-plan.docx'))),
      'plan.docx',
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.meta).toEqual({ title: '深圳市福田区2025年基础教育工作要点', author: '深圳市福田区教育局' });
    expect(r.blocks.filter((b) => b.kind === 'heading').map((b) => `${b.level}${b.text}`)).toEqual([
      '1深圳市福田区2025年基础教育工作要点',
      '2一、扩大优质学位供给',
      '2二、建强教师队伍',
      '3（一）深化教师交流轮岗',
      '3（二）实施名师培养工程',
      '2三、深化育人方式改革',
    ]);
  });

  it('recognises page numbers and running lines', () => {
    for (const t of ['— 1 —', '- 2 -', '第 3 页', '第3页 共10页', '3/10', '12']) expect(isPageNumber(t)).toBe(true);
    for (const t of ['2025年', '第三部分', '一、总体要求']) expect(isPageNumber(t)).toBe(false);
    const line = (text: string, y: number): PdfLine => ({ text, x: 70, right: 500, y, size: 16 });
    const pages = [1, 2, 3].map((n) => [line('某某简报·第6期', 800), line(`正文${n}`, 700), line(`— ${n} —`, 40)]);
    expect(runningLines(pages).has('某某简报·第#期')).toBe(true);
  });

  it('reflows lines broken by the page width and starts a paragraph at an indent', () => {
    const l = (text: string, x: number, right: number, y: number): PdfLine => ({ text, x, right, y, size: 16 });
    const out = reflow([
      [
        l('第一段第一行文字一直写到', 102, 500, 700),
        l('页面右边，然后换行。', 70, 300, 680),
        l('第二段缩进开始。', 102, 260, 660),
      ],
    ]);
    expect(out.map((b) => b.text)).toEqual(['第一段第一行文字一直写到页面右边，然后换行。', '第二段缩进开始。']);
  });

  it('gives the extracted text of any format for the source page', async () => {
    const text = await extractedText(
      new Uint8Array(readFileSync(join(fixtures, 'formats/guangdong-year-plan.docx'))),
      'plan.docx',
    );
    expect(text.split('\n\n')[0]).toBe('# 深圳市福田区2025年基础教育工作要点');
    await expect(
      extractedText(new Uint8Array(readFileSync(join(fixtures, 'formats/scanned-notice.pdf'))), 'scan.pdf'),
    ).rejects.toThrow(/扫描件/);
  });
});

describe('export noise and metadata dates', () => {
  it('strips emoji bullets, drops exporter prompts and CSS', () => {
    expect(stripDecorations('🔹 全市统一✅使用平台👉')).toBe('全市统一使用平台');
    expect(stripDecorations('© 2025 某局')).toBe('© 2025 某局');
    expect(isExportPrompt('预览时标签不可点')).toBe(true);
    expect(isExportPrompt('阅读原文是一项工作。')).toBe(false);
    expect(isCssText('.rich_media_content{color:#333}')).toBe(true);
    expect(isCssText('全市共有学校1200所。')).toBe(false);
    const r = dropNoise([
      { kind: 'paragraph', text: '继续滑动看下一个', line: 3 },
      { kind: 'paragraph', text: '✅ 严禁提前招生', line: 4 },
    ]);
    expect(r.blocks.map((b) => b.text)).toEqual(['严禁提前招生']);
    expect(r.removed).toEqual([{ text: '继续滑动看下一个', line: 3, why: 'export prompt' }]);
  });

  it('reads metadata dates as printed, only real calendar dates', () => {
    expect(metadataDate('2025-03-18 09:30')).toBe('2025-03-18');
    expect(metadataDate('2025/3/8')).toBe('2025-03-08');
    expect(metadataDate('2025年3月8日')).toBe('2025-03-08');
    expect(metadataDate('2025-03-18T23:30:00-05:00')).toBe('2025-03-18');
    expect(metadataDate('1742261400')).toBe('2025-03-18');
    expect(metadataDate('2025-02-30')).toBeUndefined();
    expect(metadataDate('2025-06')).toBe('2025-06');
    expect(metadataDate('昨天')).toBeUndefined();
    expect(frontMatterMeta({ date: '2025-02-30', title: '标题' })).toEqual({ title: '标题' });
  });
});

describe('hostile DOCX', () => {
  it('refuses a ZIP that inflates past the limit whatever its headers declare, counting while inflating', async () => {
    // document.xml declares 1 KB and inflates to 64 MB.
    const r = await readDocument(await docxBomb(64), 'bomb.docx');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/more than 24 MB of data unpacked from the DOCX .*docxInflatedBytes/);
  });
});
