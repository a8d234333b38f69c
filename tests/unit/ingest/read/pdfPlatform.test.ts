// pdf.js set up for Node (src/lib/ingest/read/pdfPlatform.node.ts): a PDF whose Chinese font is
// not embedded (STSong-Light, UniGB-UCS2-H) is read through the CMaps of the installed package.
// The browser's setup reads the same file in tests/e2e/studio.spec.ts and must give the same blocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../src/lib/ingest/read/document.ts';
import { projectRoot } from '../../../helpers/tempSite.ts';

describe('PDF with a font that is not embedded', () => {
  it('is read through the CMaps, not refused as a scan', async () => {
    const bytes = new Uint8Array(readFileSync(join(projectRoot, 'tests/fixtures/studio/songti-notice.pdf')));
    const read = await readDocument(bytes, 'songti-notice.pdf');
    expect(read.ok).toBe(true);
    const text = read.ok ? read.blocks.map((b) => b.text).join('\n') : '';
    expect(text).toContain('关于推进课后服务提质增效的通知');
    expect(text).toContain('学生参与率达到百分之九十以上');
  });
});
