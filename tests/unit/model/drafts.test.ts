// Drafts: the one decision the casebook loader and the build's page check share.
import { describe, expect, it } from 'vitest';
import { draftsLine, publishedCases, showsDrafts } from '../../../src/lib/model/drafts.ts';

const entry = (id: string, draft?: boolean) => ({ id, data: draft === undefined ? {} : { draft } });

describe('drafts', () => {
  const entries = [entry('b-draft', true), entry('a'), entry('c', false), entry('a-draft', true)];

  it('a production build leaves drafts out and lists them; the dev server shows every case', () => {
    expect(publishedCases(entries, false)).toEqual({
      shown: [entry('a'), entry('c', false)],
      left: ['a-draft', 'b-draft'],
    });
    expect(publishedCases(entries, true)).toEqual({ shown: entries, left: [] });
  });

  it('removing the flag publishes: only `draft: true` is a draft', () => {
    expect(publishedCases([entry('x', false), entry('y')], false).left).toEqual([]);
  });

  it('shows drafts in the dev server only (the Astro command decides, not the environment)', () => {
    expect(showsDrafts('dev')).toBe(true);
    for (const command of ['build', 'preview', 'sync', undefined]) expect(showsDrafts(command)).toBe(false);
  });

  it('names the drafts in one line, or says nothing when there are none', () => {
    expect(draftsLine(['a-draft', 'b-draft'])).toMatch(/^2 drafts not published: a-draft, b-draft /);
    expect(draftsLine(['only'])).toMatch(/^1 draft not published: only /);
    expect(draftsLine([])).toBeUndefined();
    expect(draftsLine(Array.from({ length: 25 }, (_, i) => `d${i}`))).toMatch(/^25 drafts not published: d0, .*d19, …/);
  });
});
