// The pieces behind the document's frame and kind: history lines, document numbers, information
// fields, numbers as written, the simplified copy — each pinned by examples, and each linear on
// 2 MB of hostile text.
import { describe, expect, it } from 'vitest';
import { docNumberOf, fieldsOf } from '../../../../src/lib/ingest/structure/frame.ts';
import { historyEvents, readHistory } from '../../../../src/lib/ingest/structure/history.ts';
import { isTraditional, toSimplified } from '../../../../src/lib/ingest/structure/simplified.ts';
import { toBlocks, structureDocument } from '../../../../src/lib/ingest/structure/structure.ts';
import { chineseDate, chineseNumberValue, numbersIn } from '../../../../src/lib/text/numerals.ts';
import { numberAppearsIn } from '../../../../src/lib/model/figures.ts';
import { divisions } from '../context.ts';

describe('history lines', () => {
  it('reads every dated event of a line, its organ without term and session, and what it did', () => {
    const events = historyEvents(
      '2009年11月27日 某省第十一届人民代表大会常务委员会第十四次会议修订根据2021年9月29日某省第十三届人民代表大会常务委员会第三十一次会议《关于修改〈某条例〉等七件地方性法规的决定》第二次修正',
    );
    expect(events.map((e) => [e.date, e.action, e.organ])).toEqual([
      ['2009-11-27', '修订', '某省人民代表大会常务委员会'],
      ['2021-09-29', '修正', '某省人民代表大会常务委员会'],
    ]);
  });

  it('dates the text in force by its latest change, not by 施行, and finds who enacted it', () => {
    const h = readHistory([
      '（2016年5月9日省政府第80次常务会议审议通过 2016年5月20日某省人民政府令第344号公布 自2016年7月1日起施行）',
    ]);
    expect(h.inForce).toMatchObject({ date: '2016-05-20', action: '公布' });
    expect(h.enacted).toMatchObject({ date: '2016-05-09', organ: '省政府' });
  });

  it('is no history: prose with a date, a date without an organ', () => {
    expect(historyEvents('2023年5月10日，省人民政府召开常务会议，审议通过了方案。')).toEqual([]);
    expect(historyEvents('2023年5月10日起施行')).toEqual([]);
  });
});

describe('document numbers and information fields', () => {
  it('reads a number under the title in its usual brackets', () => {
    expect(docNumberOf('（常政办发〔2016〕75号）')).toBe('常政办发〔2016〕75号');
    expect(docNumberOf('教基厅函[2024]35号')).toBe('教基厅函[2024]35号');
    expect(docNumberOf('全市共有学校75所。')).toBeUndefined();
  });

  it('reads an information table row and a law-database header, never a line of text', () => {
    expect(fieldsOf('索引号： 11511502MB1234567X/2024-00031 主题分类： 教育')).toEqual([
      { label: '索引号', value: '11511502MB1234567X/2024-00031' },
      { label: '主题分类', value: '教育' },
    ]);
    expect(fieldsOf('【发布部门】某省人大(含常委会)【发布日期】2021.09.29')?.map((f) => f.label)).toEqual([
      '发布部门',
      '发布日期',
    ]);
    expect(fieldsOf('标题：关于做好课后服务的通知')).toBeUndefined();
    expect(fieldsOf('全市索引号管理工作稳步推进。')).toBeUndefined();
  });
});

describe('numbers as people write them (one reader for ingest and the build)', () => {
  it('reads Chinese numerals, 两, 〇, 百分之, full-width digits and magnitudes', () => {
    expect(chineseNumberValue('三十')).toBe(30);
    expect(chineseNumberValue('一百零五')).toBe(105);
    expect(chineseNumberValue('一万二千')).toBe(12000);
    expect(chineseNumberValue('二〇二三')).toBe(2023);
    expect(chineseNumberValue('三点五')).toBe(3.5);
    expect(chineseNumberValue('三四十')).toBeUndefined();
    const read = (t: string) => numbersIn(t).map((n) => [n.value, n.magnitude, n.percent]);
    expect(read('百分之八十')).toEqual([[80, '', true]]);
    expect(read('三十万人')).toEqual([[30, '万', false]]);
    expect(read('１２．５亿元，９５％')).toEqual([
      [12.5, '亿', false],
      [95, '', true],
    ]);
    expect(numbersIn('第三条').every((n) => n.ordinal)).toBe(true);
    expect(numbersIn('三分之一').map((n) => n.value)).toEqual([1]);
  });

  it('lets the build find a number written in words in its quote', () => {
    expect(numberAppearsIn(80, '公办园占比达到百分之八十')).toBe(true);
    expect(numberAppearsIn(6, '年满六周岁的儿童')).toBe(true);
    expect(numberAppearsIn(7, '年满六周岁的儿童')).toBe(false);
  });

  it('reads a date in Chinese numerals', () => {
    expect(chineseDate('二〇一六年七月十一日')?.date).toBe('2016-07-11');
    expect(chineseDate('二〇一六年十三月一日')).toBeUndefined();
  });
});

describe('the simplified copy', () => {
  it('keeps length and offsets, and tells a traditional text from a simplified one', () => {
    const t = '北京西城區重劃校區，家長到教育委員會維權。雙減、課後服務、託管班。';
    expect(toSimplified(t)).toBe('北京西城区重划校区，家长到教育委员会维权。双减、课后服务、托管班。');
    expect(toSimplified(t)).toHaveLength(t.length);
    expect(isTraditional(t)).toBe(true);
    expect(isTraditional('区教育局推进集团化办学，显著扩大优质学位。')).toBe(false);
  });
});

describe('paragraphs from sentence ends', () => {
  it('joins the pieces a styled export cut a sentence into, and keeps headings by their form', () => {
    const blocks = toBlocks([
      { kind: 'paragraph', text: '近日，市教育局公布了', line: 1 },
      { kind: 'heading', level: 2, text: '2025年全市学位分配结果', line: 2 },
      { kind: 'heading', level: 2, text: '（含新建学校）', line: 3 },
      { kind: 'paragraph', text: '，全区共提供学位6200个。', line: 4 },
      { kind: 'heading', level: 2, text: '一、扩大优质学位', line: 5 },
      { kind: 'paragraph', text: '全区新建学校8所，新增学位', line: 6 },
      { kind: 'heading', level: 2, text: '二、推进集团化办学', line: 7 },
    ]);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['text', '近日，市教育局公布了2025年全市学位分配结果（含新建学校），全区共提供学位6200个。'],
      ['short', '一、扩大优质学位'],
      ['text', '全区新建学校8所，新增学位'],
      ['short', '二、推进集团化办学'],
    ]);
  });
});

describe('linear on 2 MB of hostile text', () => {
  const big = (unit: string) => unit.repeat(Math.ceil((2 * 1024 * 1024) / (unit.length * 3)));
  it('reads numbers, the simplified copy and the frame of huge inputs in bounded time', () => {
    for (const text of [big('一二三四五六七八九十百千万'), big('百分之'), big('1到2间'), big('《（〔2016〕')]) {
      const started = performance.now();
      numbersIn(text);
      toSimplified(text);
      structureDocument(
        `${text}\n${big('2016年7月11日 某省人民代表大会常务委员会通过')}\n${big('附件1')}`,
        divisions,
        false,
      );
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  }, 120_000);
});
