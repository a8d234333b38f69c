import { describe, expect, test } from 'vitest';
import { pageRecord } from '../../../../src/lib/search/index/pageRecord.ts';

const page = (
  body: string,
) => `<!doctype html><html lang="zh-CN"><head><title>t</title><script>var x = "不索引";</script></head>
<body><nav>导航</nav>${body}<footer>页脚</footer></body></html>`;

describe('pageRecord: a built page as the index needs it', () => {
  test('the indexed body only, without ignored parts, scripts or chrome; inline markup joins, blocks separate', () => {
    const r = pageRecord(
      page(`<article data-pagefind-body><h1 data-pagefind-meta="title">郑州市<em>二七区</em></h1>
<p>完成<strong>“县管校聘”</strong>改革。</p><p>新增学位</p><aside data-pagefind-ignore>相关案例</aside><script>忽略()</script></article>`),
    )!;
    expect(r.text).toBe('郑州市二七区 完成“县管校聘”改革。 新增学位');
    expect(r.meta['title']).toBe('郑州市二七区');
  });

  test('filters (repeatable, de-duplicated), meta and sort from the data-pagefind attributes', () => {
    const r = pageRecord(
      page(`<article data-pagefind-body><h1>标题</h1>
<span hidden data-pagefind-filter="type:case"></span><span hidden data-pagefind-filter="measure:双减"></span>
<span hidden data-pagefind-filter="measure:课后服务"></span><span hidden data-pagefind-filter="measure:双减"></span>
<span hidden data-pagefind-meta="date:2024年5月"></span><span hidden data-pagefind-sort="date:2024-05"></span>正文</article>`),
    )!;
    expect(r.filters).toEqual({ type: ['case'], measure: ['双减', '课后服务'] });
    expect(r.meta).toEqual({ date: '2024年5月', title: '标题' });
    expect(r.sort).toEqual({ date: '2024-05' });
  });

  test('a page without data-pagefind-body is not indexed', () => {
    expect(pageRecord(page('<main><p>正文</p></main>'))).toBeNull();
  });
});
