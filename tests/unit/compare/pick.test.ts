// Finding a place or a case by what people type in /compare/'s pickers (fixture index, not content/).
import { describe, expect, it } from 'vitest';
import { confidentCandidate, findCandidates, type CaseEntry, type PlaceEntry } from '../../../src/lib/compare/pick.ts';

const place = (id: string, path: string, reading: string, own = 1, total = own): PlaceEntry => {
  const names = path.split(' ');
  return { id, name: names.at(-1)!, path: names, own, total, reading: reading.split(' ') };
};
const places = [
  place('410000', '河南省', 'he nan sheng', 0, 9),
  place('410100', '河南省 郑州市', 'zheng zhou shi', 2, 5),
  place('410105', '河南省 郑州市 金水区', 'jin shui qu'),
  place('410106', '河南省 郑州市 上街区', 'shang jie qu'),
  place('410300', '河南省 洛阳市', 'luo yang shi'),
  place('410204', '河南省 开封市 鼓楼区', 'gu lou qu'),
  place('350102', '福建省 福州市 鼓楼区', 'gu lou qu'),
  place('222426', '吉林省 延边朝鲜族自治州 安图县', 'an tu xian'),
  place('222400', '吉林省 延边朝鲜族自治州', 'yan bian chao xian zu zi zhi zhou'),
];
const cases: CaseEntry[] = [
  { id: 'zhengzhou-2022', title: '郑州市高位推进“五大工程”', region: '郑州市', date: '2022年' },
  { id: 'luoyang-2022', title: '洛阳市改革引领、提质增效', region: '洛阳市', date: '2022年' },
  { id: 'shangjie-2025', title: '从“有学上”到“上好学”：上街区推进教育优质均衡发展', region: '上街区', date: '2025年' },
];
const pick = (typed: string) => {
  const c = confidentCandidate(findCandidates(typed, places, cases));
  return c && c.ref.id;
};

describe('finding a place by what people type', () => {
  it('takes the name with or without its level, the code, and the path', () => {
    for (const typed of ['郑州', '郑州市', ' 郑州 ', '410100', '河南郑州', '河南省郑州市', '河南 郑州']) {
      expect(pick(typed), typed).toBe('410100');
    }
    expect(pick('金水')).toBe('410105');
    expect(pick('郑州金水')).toBe('410105');
    expect(pick('郑州市金水区')).toBe('410105');
    expect(pick('洛阳')).toBe('410300');
    expect(pick('延边')).toBe('222400');
    expect(pick('河南')).toBe('410000');
  });
  it('takes pinyin: whole, with initials, full-width or capitalised', () => {
    expect(pick('zhengzhou')).toBe('410100');
    expect(pick('Zheng Zhou')).toBe('410100');
    expect(pick('ｚｈｅｎｇｚｈｏｕ')).toBe('410100');
    expect(pick('zz')).toBe('410100');
    expect(pick('luoyang')).toBe('410300');
    expect(pick('jinshui')).toBe('410105');
  });
  it('a place is found before a case that names it', () => {
    const found = findCandidates('郑州', places, cases);
    expect(found[0]!.ref).toEqual({ type: 'region', id: '410100' });
    expect(found.map((c) => c.ref.id)).toContain('zhengzhou-2022');
  });
  it('two places of one name are both offered, and neither is taken without a pick', () => {
    const found = findCandidates('鼓楼', places, cases);
    expect(found.map((c) => c.ref.id).sort()).toEqual(['350102', '410204']);
    expect(confidentCandidate(found)).toBeUndefined();
    expect(pick('开封鼓楼')).toBe('410204');
    expect(pick('福州市鼓楼区')).toBe('350102');
  });
  it('a prefix offers the places that start with it', () => {
    expect(findCandidates('郑', places, cases)[0]!.ref.id).toBe('410100');
    expect(findCandidates('上', places, cases).map((c) => c.ref.id)).toContain('410106');
  });
});

describe('finding a case', () => {
  it('by its title or a part of it, or by its id', () => {
    expect(pick('从“有学上”到“上好学”：上街区推进教育优质均衡发展')).toBe('shangjie-2025');
    expect(pick('shangjie-2025')).toBe('shangjie-2025');
    expect(pick('五大工程')).toBe('zhengzhou-2022');
    expect(
      findCandidates('推进', places, cases)
        .map((c) => c.ref.id)
        .sort(),
    ).toEqual(['shangjie-2025', 'zhengzhou-2022']);
    expect(pick('推进')).toBeUndefined();
  });
  it('finds nothing for nothing, and for what no place or case holds', () => {
    expect(findCandidates('', places, cases)).toEqual([]);
    expect(findCandidates('   ', places, cases)).toEqual([]);
    expect(findCandidates('不存在的地方', places, cases)).toEqual([]);
    expect(findCandidates('<script>', places, cases)).toEqual([]);
  });
});
