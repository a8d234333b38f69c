import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlOf } from '../../../src/lib/ingest/draft/files.ts';
import {
  CASE_FIELDS,
  fieldsOf,
  fileText,
  isDraftCase,
  openCase,
  openSource,
  setDraft,
  setField,
  setFigures,
  updatePassingNote,
  type YamlFile,
} from '../../../src/lib/studio/caseFile.ts';
import { projectRoot } from '../../helpers/tempSite.ts';

const formats = join(projectRoot, 'tests/fixtures/ingest/formats');
const draft = readFileSync(join(formats, 'guangdong-year-plan.expected.mdx'), 'utf8');
const open = (text: string) => {
  const file = openCase(text);
  if ('error' in file) throw new Error(file.error);
  return file;
};
/** The lines of `after` that are not the same line of `before`. */
const changedLines = (before: string, after: string) => {
  const old = before.split('\n');
  return after.split('\n').filter((line, i) => line !== old[i]);
};

describe('case files as the studio edits them', () => {
  it('give back every case of the casebook, every ingest draft and every source record byte for byte', () => {
    const files = [
      ...readdirSync(join(projectRoot, 'content/cases')).map((n) => join(projectRoot, 'content/cases', n)),
      ...readdirSync(formats)
        .filter((n) => n.endsWith('.mdx'))
        .map((n) => join(formats, n)),
    ];
    for (const path of files) expect(fileText(open(readFileSync(path, 'utf8'))), path).toBe(readFileSync(path, 'utf8'));
    for (const name of readdirSync(join(projectRoot, 'content/sources'))) {
      const text = readFileSync(join(projectRoot, 'content/sources', name), 'utf8');
      const source = openSource(text);
      expect('error' in source ? source.error : fileText(source)).toBe(text);
    }
  });

  it('change only the lines of the fields the editor changed', () => {
    const file = open(draft);
    setField(file, 'title', '福田区2025年基础教育工作要点', CASE_FIELDS);
    setField(file, 'region', '440300', CASE_FIELDS);
    expect(changedLines(draft, fileText(file))).toEqual(['title: 福田区2025年基础教育工作要点', 'region: "440300"']);
    // Setting a field to what it holds leaves its line alone (even when written differently).
    setField(file, 'date', '2025-02-14', CASE_FIELDS);
    expect(fileText(file)).toContain('date: "2025-02-14"');
  });

  it('add a missing field at its place in the schema, and remove an optional one without losing comments', () => {
    const file = open(draft);
    setField(file, 'author', '张三', CASE_FIELDS);
    const lines = fileText(file).split('\n');
    expect(lines.indexOf('author: 张三')).toBe(lines.findIndex((l) => l.startsWith('body:')) + 1);
    setField(file, 'draft', undefined, CASE_FIELDS);
    // The review note that stood above `draft:` now stands above the next field.
    expect(fileText(file)).toMatch(/^---\n# Draft by `npm run ingest`.*\n(# .*\n)+title:/);
  });

  it('keep the lines of figures the editor left alone; write changed and new ones as ingest does', () => {
    const file = open(draft);
    const figures = fieldsOf(file).figures as Record<string, unknown>[];
    const added = { label: '专职心理健康教师', value: 1, unit: '名', kind: 'result', quote: '至少配备1名' };
    setFigures(file, [{ ...figures[0], label: '新增普惠学位' }, ...figures.slice(1), added]);
    const after = fileText(file);
    expect(changedLines(draft, after).slice(0, 1)).toEqual(['  - label: 新增普惠学位']);
    expect(after).toContain(yamlOf({ figures: [added] }).replace(/^figures:\n/, ''));
    expect(fieldsOf(open(after)).figures).toEqual([
      { ...figures[0], label: '新增普惠学位' },
      ...figures.slice(1),
      added,
    ]);
  });

  it('re-indent a new figure to a file whose list items are not indented', () => {
    const file = open('---\ntitle: 某区工作要点\nfigures:\n- label: 学位\n  value: 10\n  unit: 个\n---\n\n正文\n');
    setFigures(file, [
      ...(fieldsOf(file).figures as Record<string, unknown>[]),
      { label: '学校', value: 2, unit: '所' },
    ]);
    expect(fileText(file)).toContain(
      'figures:\n- label: 学位\n  value: 10\n  unit: 个\n- label: 学校\n  value: 2\n  unit: 所\n---',
    );
  });

  it('mark a draft, or ready it for publishing without the flag and the ingest notes', () => {
    const file = open(draft);
    setDraft(file, true);
    expect(fileText(file)).toMatch(/^---\n# Draft by .*\n(# .*\n)+draft: true\ntitle:/);
    expect(isDraftCase(fileText(file))).toBe(true);
    setDraft(file, false);
    const published = fileText(file);
    expect(published).not.toMatch(/^draft:|^# /m);
    expect(isDraftCase(published)).toBe(false);
    const { draft: _flag, ...fields } = fieldsOf(open(draft));
    expect(fieldsOf(open(published))).toEqual(fields);
  });

  it('drop the passing-mention notes of measures the editor took', () => {
    const file: YamlFile = open(draft);
    updatePassingNote(file, ['double-reduction']);
    expect(fileText(file)).not.toContain('double-reduction (双减)');
    expect(fileText(file)).toContain('homework-management (作业管理)');
    updatePassingNote(file, ['homework-management']);
    expect(fileText(file)).not.toContain('Passing mentions');
  });

  it('refuse what they cannot edit line by line', () => {
    expect(openCase('no front matter')).toEqual({ error: 'no front matter' });
    expect(openCase('---\n{title: 一个标题}\n---\n')).toMatchObject({ error: expect.any(String) });
    expect(openCase('---\ntitle: [\n---\n')).toMatchObject({ error: expect.any(String) });
  });
});
