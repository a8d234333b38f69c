// Each cleaning rule, pinned with a small before → after pair run through the real pipeline.
import { hygiene } from '../../../../src/lib/ingest/read/hygiene.ts';
import { describe, expect, it } from 'vitest';
import {
  chromeKind,
  curlyQuotes,
  dedupeParagraphs,
  fullWidthPunctuation,
  isPlaceholder,
  leadSentence,
  normalizeChars,
  shouldJoin,
  tidySpaces,
} from '../../../../src/lib/ingest/structure/cleanLines.ts';
import { endsSentence } from '../../../../src/lib/text/sentences.ts';
import { bodyMdx } from '../../../../src/lib/ingest/draft/files.ts';
import { structureDocument } from '../../../../src/lib/ingest/structure/structure.ts';
import { divisions } from '../context.ts';

const LEAD = '这是一段用于测试的导语，内容完整。';

/** Raw text → the MDX body ingest would write (after a first paragraph, so that nothing is taken as a title). */
const clean = (raw: string) =>
  bodyMdx(structureDocument(`${LEAD}\n\n${raw}`, divisions).sections.flatMap((s) => s.items))
    .replace(`${LEAD}\n\n`, '')
    .replace(LEAD, '');

describe('broken line wraps', () => {
  it.each([
    [
      'a word split across a blank line',
      '深度融入全市教育发展体系,成\n\n功纳入"市级统筹"招生计划。',
      '深度融入全市教育发展体系，成功纳入“市级统筹”招生计划。',
    ],
    [
      'a number split in the middle',
      '通过创新引入郑西实验高级中学,新增优质学位19\n\n80个,有效缓解教育资源供需紧张。',
      '通过创新引入郑西实验高级中学，新增优质学位1980个，有效缓解教育资源供需紧张。',
    ],
    [
      'a number split from its unit',
      '预计新增1000余个高层次人才岗位、2000 余\n\n个"三保"岗位。',
      '预计新增1000余个高层次人才岗位、2000余个“三保”岗位。',
    ],
    [
      'a word split before a short next piece (进一|步)',
      '加强校外培训机构党建工作,进一\n\n步规范校外培训机构管理。',
      '加强校外培训机构党建工作，进一步规范校外培训机构管理。',
    ],
    [
      'a clause continued on the next line',
      '落实资金监管措施,精准做好\n\n学生资助工作,不让一名学生因家庭贫困而失学。',
      '落实资金监管措施，精准做好学生资助工作，不让一名学生因家庭贫困而失学。',
    ],
    [
      'a sentence ended by a line wrap after 、',
      '进行了中支撤校、\n\n农村并校,充分利用释放的教育资源。',
      '进行了中支撤校、农村并校，充分利用释放的教育资源。',
    ],
  ])('joins %s', (_, before, after) => {
    expect(clean(before)).toBe(after);
  });

  it.each([
    [
      'after a finished sentence',
      '第一段说完了。\n\n第二段另起一行,继续说明情况。',
      '第一段说完了。\n\n第二段另起一行，继续说明情况。',
    ],
    [
      'before a short lead sentence (a new paragraph)',
      '拓展实践平台,推进美育课程特色学校和美育项目活动基地\n\n形成多方育人合力。贯彻落实《家庭教育促进法》。',
      '拓展实践平台，推进美育课程特色学校和美育项目活动基地\n\n形成多方育人合力。贯彻落实《家庭教育促进法》。',
    ],
    [
      'lines that each end a sentence (one paragraph per line)',
      '第一行的内容到此结束。\n第二行的内容另起一段。',
      '第一行的内容到此结束。\n\n第二行的内容另起一段。',
    ],
  ])('does not join %s', (_, before, after) => {
    expect(clean(before)).toBe(after);
  });

  it('decides with the segmenter, punctuation and lead sentences', () => {
    expect(shouldJoin('成', '功纳入')).toBe(true);
    expect(shouldJoin('完成了。', '下一段')).toBe(false);
    expect(shouldJoin('活动基地', '形成多方育人合力。贯彻')).toBe(false);
    expect(endsSentence('…提质增效。(区教育局)')).toBe(true);
    expect(endsSentence('做到“全覆盖、零拒绝”')).toBe(false);
    expect(leadSentence('优化学校布局。积极跟进')).toBe('优化学校布局');
    expect(leadSentence('显著。')).toBeUndefined();
  });
});

describe('spaces', () => {
  it.each([
    [
      'between Chinese characters',
      '加强党对教育工作的全面领导,是办好教育的 根本保证。',
      '加强党对教育工作的全面领导，是办好教育的根本保证。',
    ],
    [
      'between a number and a Chinese unit',
      '新增 优质学位 1980 个,课后服务课程突破 200 项。',
      '新增优质学位1980个，课后服务课程突破200项。',
    ],
    [
      'around percentages',
      '线上办理率分别达 87%和 92%, 实现招生服务提质增效。',
      '线上办理率分别达87%和92%，实现招生服务提质增效。',
    ],
    [
      'before full-width punctuation and symbols',
      '探索"文化教育 +航空航天"特色办学模式 。',
      '探索“文化教育+航空航天”特色办学模式。',
    ],
  ])('removes spaces %s', (_, before, after) => {
    expect(clean(before)).toBe(after);
  });

  it('keeps a space between Latin words and between Latin and Chinese', () => {
    expect(tidySpaces('使用 Windows 系统和 Office 软件')).toBe('使用 Windows 系统和 Office 软件');
  });

  it('keeps the space between the two halves of a heading', () => {
    expect(clean('正文第一段介绍情况。\n\n党旗高擎 思政教育"别样红"\n\n正文第二段继续介绍。')).toContain(
      '## 党旗高擎 思政教育“别样红”',
    );
  });
});

describe('punctuation', () => {
  it.each([
    ['commas after a year and before a number', '2025 年,35 名学生被录取。', '2025年，35名学生被录取。'],
    ['parentheses around Chinese', '实现招生服务提质增效。(区教育局)', '实现招生服务提质增效。（区教育局）'],
    [
      'parentheses around a year range',
      '《专项行动计划(2023-2025年)》等文件。',
      '《专项行动计划（2023-2025年）》等文件。',
    ],
    ['question and exclamation marks', '标准化怎么建?今天看郑州!', '标准化怎么建？今天看郑州！'],
    ['a semicolon between a percentage and a year', '占比38.48%;2021年,下发方案。', '占比38.48%；2021年，下发方案。'],
    ['colons', '本期送:区委各级领导', '本期送：区委各级领导'],
  ])('makes full-width: %s', (_, before, after) => {
    expect(tidySpaces(curlyQuotes(fullWidthPunctuation(before)).text)).toBe(after);
  });

  it.each([
    ['thousands separators', '共投入1,980万元'],
    ['times', '会议于10:30开始'],
    ['decimals and percentages', '比例降至6.66%，增长8.44%'],
    ['year ranges', '2023-2025年'],
    ['heading numbers', '1.守初心、担使命'],
    ['URLs', '详见http://example.org/a,b;c?d=1!'],
    ['code in Latin', 'alert(1);f(x)'],
  ])('keeps ASCII in %s', (_, text) => {
    expect(fullWidthPunctuation(text)).toBe(text);
  });

  it('makes straight quotes curly in pairs and flags an odd count', () => {
    expect(curlyQuotes('从"有学上"到"上好学"').text).toBe('从“有学上”到“上好学”');
    expect(curlyQuotes('落实"破五唯""四个要改"要求')).toEqual({
      text: '落实“破五唯”“四个要改”要求',
      unbalanced: false,
    });
    expect(curlyQuotes('一个"落单的引号').unbalanced).toBe(true);
  });
});

describe('characters', () => {
  it('normalises entities (decoded by hygiene first), odd spaces, zero-width characters and full-width digits', () => {
    expect(normalizeChars(hygiene('\u3000新增&nbsp;学位１９８０个，占比５３％\u200b&amp;').text)).toBe(
      '新增 学位1980个，占比53%&',
    );
  });
});

describe('placeholders, captions and chrome', () => {
  it('drops 图片 placeholders and the caption after each', () => {
    const out = clean(
      '第一段正文，介绍基本情况。\n\n图片\n\n2017年投入使用的某某小学宏康校区\n\n第二段正文，继续介绍情况。',
    );
    expect(out).toBe('第一段正文，介绍基本情况。\n\n第二段正文，继续介绍情况。');
    expect(isPlaceholder('[图片]')).toBe(true);
    expect(isPlaceholder('图片展览')).toBe(false);
  });

  it('drops photo captions standing before a heading, and keeps the heading', () => {
    const out = clean(
      '第一段正文，介绍基本情况。\n\n\n\n建新街小学“新新”自助书吧\n\n\n\n永安街小学“沉浸式”演艺体验\n\n党旗高擎 思政教育“别样红”\n\n第二段正文，继续介绍情况。',
    );
    expect(out).toBe('第一段正文，介绍基本情况。\n\n## 党旗高擎 思政教育“别样红”\n\n第二段正文，继续介绍情况。');
  });

  it('drops captions at the end of the text', () => {
    expect(
      clean('正文只有一段，介绍基本情况。\n\n\n\n长江东路第二小学趣味“双减”作业展\n\n\n\n戏曲进校园 走进淮河东路小学'),
    ).toBe('正文只有一段，介绍基本情况。');
  });

  it('drops site chrome, image leftovers and a routing block', () => {
    expect(
      clean(
        '加入收藏 | 设为首页 | 联系站长\n\n正文一段，介绍情况。\n\n.jpg)\n\n正文二段，继续介绍。\n\n本期送:区委各级领导\n\n责任编辑: 柴亚文',
      ),
    ).toBe('正文一段，介绍情况。\n\n正文二段，继续介绍。');
    expect(chromeKind('加入收藏 | 设为首页 | 联系站长 | 2024年01月13日 星期六 |旧版')).toBe('site');
    expect(chromeKind('相关链接:')).toBe('links');
    expect(chromeKind('推进无障碍环境建设，保障残疾儿童入学。')).toBeUndefined();
  });
});

describe('layout duplicates', () => {
  it('drops an exact repeat and a fragment of another paragraph', () => {
    const paras = [
      '十年来，为打造高质量师资队伍，选派80名城区优秀教师到农村薄弱学校培养历练，经考核，57人得到提拔重用，加快了乡村教育振兴。',
      '专业优质的师资队伍为二七区教育事业注入了澎湃动力。',
      '练，经考核，57人得到提拔重用，加快了乡村教育振兴。',
      '专业优质的师资队伍为二七区教育事业注入了澎湃动力。',
    ];
    expect(dedupeParagraphs(paras)).toEqual([
      { index: 2, keptIn: 0, kind: 'fragment' },
      { index: 3, keptIn: 1, kind: 'repeat' },
    ]);
  });

  it('keeps the longer paragraph when an unfinished copy comes first', () => {
    expect(
      dedupeParagraphs([
        '在坚守课程导航方面，推进课堂高效，强化',
        '在坚守课程导航方面，推进课堂高效，强化课题引领，深化评价创新。',
      ]),
    ).toEqual([{ index: 0, keptIn: 1, kind: 'fragment' }]);
  });

  it('never drops a paragraph that differs, even by one character', () => {
    expect(
      dedupeParagraphs(['全区新增学位1980个，有效缓解学位紧张。', '全区新增学位1990个，有效缓解学位紧张。']),
    ).toEqual([]);
  });

  it('removes repeats in a whole text and reports them', () => {
    const doc = structureDocument(
      '第一段正文，介绍基本情况，内容较长。\n\n第二段正文，继续介绍情况。\n\n第一段正文，介绍基本情况，内容较长。',
      divisions,
    );
    expect(doc.sections[0]!.items.map((i) => i.text)).toEqual([
      '第一段正文，介绍基本情况，内容较长。',
      '第二段正文，继续介绍情况。',
    ]);
    expect(doc.sections[0]!.removed).toMatchObject([{ kind: 'repeat', line: 5, keptAt: 1 }]);
  });
});
