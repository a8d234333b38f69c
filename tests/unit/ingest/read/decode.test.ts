// Encodings and the rejections of what is not a bulletin.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../src/lib/ingest/read/decode.ts';
import { fixture, run } from '../context.ts';

const text = fixture('bulletin.txt');
const utf8 = new TextEncoder().encode(text);
const draftsOf = (input: string | Uint8Array) => run(input).cases.map((c) => c.text);

describe('decoding', () => {
  it('reads UTF-8', () => {
    expect(decodeBytes(utf8)).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeBytes(withBom)).toEqual({ ok: true, text, encoding: 'utf-8-bom' });
  });

  it('detects GBK and GB18030 (not valid UTF-8) without being told', () => {
    const gbk = new Uint8Array(iconv.encode(text, 'gbk'));
    expect(decodeBytes(gbk)).toEqual({ ok: true, text, encoding: 'gb18030' });
    const rare = `${text}\n生僻字：𠀀㐀`;
    expect(decodeBytes(new Uint8Array(iconv.encode(rare, 'gb18030')))).toMatchObject({ ok: true, text: rare });
  });

  it('reads UTF-16 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    expect(decodeBytes(le)).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
  });

  it('produces the same drafts from UTF-8, UTF-8+BOM, GBK, CRLF and CR line endings', () => {
    const expected = draftsOf(utf8);
    expect(expected).toHaveLength(1);
    expect(draftsOf(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual(expected);
    expect(draftsOf(new Uint8Array(iconv.encode(text, 'gbk')))).toEqual(expected);
    expect(draftsOf(text.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(draftsOf(text.replace(/\n/g, '\r'))).toEqual(expected);
  });
});

describe('rejections (with a reason)', () => {
  it('rejects an empty file', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty file (0 bytes)' });
    expect(run(new TextEncoder().encode(' \n\r\n\t'))).toMatchObject({
      ok: false,
      report: { status: 'rejected', reason: 'empty file (only whitespace)' },
    });
  });

  it('rejects a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(decodeBytes(png)).toMatchObject({ ok: false, reason: expect.stringContaining('binary') });
    expect(decodeBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('binary'),
    });
  });

  it('rejects a file over the size limit', () => {
    expect(decodeBytes(new Uint8Array(3 * 1024 * 1024).fill(0x41))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('too large'),
    });
    expect(run(utf8, { maxBytes: 100 }).report.reason).toMatch(/too large \(\d+ bytes; the limit is 100 bytes/);
  });

  it('rejects bytes that are neither UTF-8 nor GB18030', () => {
    expect(decodeBytes(new Uint8Array([0x41, 0xff, 0xff, 0xff, 0x42]))).toMatchObject({
      ok: false,
      reason: 'not readable as UTF-8 or GBK/GB18030 text',
    });
  });

  it('rejects text with too little Chinese to be a bulletin, naming the file', () => {
    const english = 'This is an English press release about schools. '.repeat(40);
    const result = run(english, { fileName: 'inbox/press.txt' });
    expect(result.ok).toBe(false);
    expect(result.report).toMatchObject({
      input: 'inbox/press.txt',
      status: 'rejected',
      reason: expect.stringContaining('too little Chinese text'),
    });
    expect(run('教育局'.repeat(10)).report.reason).toContain('30 Chinese characters');
  });
});
