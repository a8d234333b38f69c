// Stage "structure": the document head (title and masthead from metadata and layout) and the
// reporting body and region of a section.
import { describe, expect, it } from 'vitest';
import { mostNamedBody, pickRegion } from '../../../../src/lib/ingest/structure/bodies.ts';
import { readHead } from '../../../../src/lib/ingest/structure/metadata.ts';
import { parsePlace } from '../../../../src/lib/ingest/structure/orgs.ts';
import { structureDocument } from '../../../../src/lib/ingest/structure/structure.ts';
import { divisions, regions } from '../context.ts';

const BODY = '全市推进集团化办学，新组建教育集团45个，持续扩大优质教育资源供给，群众满意度不断提升。';

describe('document head', () => {
  it('takes the metadata title over layout lines, and the account as the publication', () => {
    const doc = structureDocument(
      [
        { kind: 'paragraph', text: '来源：成都市教育局', line: 1 },
        { kind: 'paragraph', text: BODY, line: 3 },
      ],
      divisions,
    );
    const head = readHead(
      doc,
      { title: '成都市推进集团化办学', publication: '成都教育发布', date: '2025-05-16', dateFrom: 'front matter' },
      'markdown',
    );
    expect(head.title).toBe('成都市推进集团化办学');
    expect(head.masthead).toMatchObject({
      publication: '成都教育发布',
      publisher: '成都市教育局',
      date: '2025-05-16',
      kind: '网页',
    });
  });

  it('reads a bulletin name over its issue line as the publication, and the heading after it as the title', () => {
    const doc = structureDocument(
      [
        { kind: 'heading', level: 1, text: '浙江教育简报', line: 1 },
        { kind: 'paragraph', text: '2025年第6期', line: 2 },
        { kind: 'paragraph', text: '浙江省教育厅办公室　2025年6月20日', line: 3 },
        { kind: 'heading', level: 2, text: '各地推进学区化治理工作经验', line: 4 },
        { kind: 'paragraph', text: BODY, line: 5 },
      ],
      divisions,
    );
    const head = readHead(doc, {}, 'pdf');
    expect(head.title).toBe('各地推进学区化治理工作经验');
    expect(head.masthead).toMatchObject({
      publication: '浙江教育简报',
      issue: '第6期',
      publisher: '浙江省教育厅办公室',
      date: '2025-06-20',
    });
  });
});

describe('body and region', () => {
  it('finds the body a text names most often', () => {
    expect(
      mostNamedBody('南京市教育局召开会议。会上，南京市教育局提出要求；江苏省教育厅到会。', divisions, [])?.text,
    ).toBe('南京市教育局');
    expect(mostNamedBody('南京市教育局召开会议。', divisions, [])).toBeUndefined();
  });

  it('names the exact lines to add for a region of any province that content/regions.yaml lacks', () => {
    const chain = parsePlace('四川省成都市锦江区', divisions)!;
    const pick = pickRegion(chain, '', regions, divisions);
    expect(pick.region?.id).toBe('510104');
    expect(pick.proposed).toEqual(
      ['- 四川省', '- 四川省 成都市', '- 四川省 成都市 锦江区'].filter(
        (l) => !regions.some((r) => `- ${r.path.join(' ')}` === l),
      ),
    );
    expect(pick.note).toContain('`- 四川省 成都市 锦江区`');
  });
});
