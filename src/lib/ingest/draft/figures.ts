/**
 * Key figures: numbers with units (counts, money, percentages) found in the cleaned
 * paragraphs, each with the noun phrase it measures, the unit as stated, what it means
 * (`kind`: result, target, input, context), the year or span the text ties it to (`period`),
 * and the exact phrase it comes from. Ranked by salience — named in a heading, in the context of
 * the case's measures, stated as an achievement — not by position, then capped. Quotes are
 * substrings of the paragraph text that the build reads back, and every proposal is validated
 * with the shared `checkFigures` so that a draft builds.
 */
import { checkFigures, type FigureLike } from '../../model/figures.ts';
import { measureTerms, type MeasureTerms } from '../../model/tagging.ts';
import { HAN } from '../../text/han.ts';
import { sentenceStart } from '../../text/sentences.ts';
import { numbersIn } from '../../text/numerals.ts';

const HAN_START = new RegExp(`^${HAN}`, 'u');
const HAN_RUN_START = new RegExp(`^${HAN}{2,16}`, 'u');

/** result 成效 (achieved), target 目标 (planned, due by period.to), input 投入 (money, staff, buildings put in), context 背景. */
export type FigureKind = 'result' | 'target' | 'input' | 'context';

/** As the text states it: `{ to: 2023 }` (in/by 2023), `{ from: 2019, to: 2021 }`, `{ from: 2019 }` (2019年以来). */
export interface FigurePeriod {
  from?: number;
  to?: number;
}

export interface FigureProposal extends FigureLike {
  kind: FigureKind;
  period?: FigurePeriod;
  /** Paragraph index (0-based) the quote is from. */
  paragraph: number;
  /** Salience: the proposals come best first. */
  score: number;
}

/**
 * Units as stated, longest first. `万`/`亿` multipliers become part of the unit (4.34万个 → 4.34,
 * 万个); a counted noun that is itself the unit stays with its classifier (个班, 个工作日, 个百分点).
 */
const UNITS = [
  '个百分点',
  '周岁',
  '个工作日',
  '个学时',
  '个课时',
  '个小时',
  '个学期',
  '个月',
  '个班(?![级主子长])',
  '平方米',
  '平方公里',
  '公里',
  '千米',
  '米',
  '岁',
  '人次',
  '课时',
  '学时',
  '小时',
  '分钟',
  '亿元',
  '万元',
  '元',
  '公顷',
  '所',
  '个',
  '人',
  '名',
  '位',
  '项',
  '家',
  '次',
  '节',
  '门',
  '场',
  '间',
  '班',
  '套',
  '台',
  '亩',
  '条',
  '支',
  '批',
  '篇',
  '部',
  '座',
  '处',
  '册',
  '本',
  '种',
  '件',
  '张',
  '户',
  '倍',
  '天',
  '%',
];
const UNIT_RE = UNITS.join('|');
/** What follows a number: 余/多, a magnitude, 余/多, the unit (30多亿元, 6万余名, 4.34万个). */
const TAIL = new RegExp(`^(余|多)?(万亿|万|亿)?(余|多)?(${UNIT_RE})?`);
/** A range between two numbers: 1到2间, 3至5所, 10-20人. */
const RANGE = /^\s*(到|至|~|～|-|—|–)\s*/;
/** Units a single thing can be measured in (一小时, 一千米 …): a 1 with them is a figure. */
const ONE_OK = /^(小时|个小时|分钟|米|千米|公里|平方米|平方公里|周岁|岁|天|学时|课时|亿元|万元|%)$/;
/** Nouns that name a part of an argument, not a thing counted: 三个方面, 五项任务. */
const ABSTRACT =
  /^(方面|层面|环节|维度|原则|目标|任务|重点|举措|措施|机制|体系|问题|步骤|阶段|类型|方式|渠道|部分|要求|内容|特点|理念|路径|方向|关系|能力|素养)/;
/** Classifiers after which the noun names the figure: 建成236个全国校园足球特色学校. */
const MEASURE_WORDS = new Set([
  '所',
  '个',
  '名',
  '位',
  '家',
  '项',
  '门',
  '场',
  '间',
  '套',
  '台',
  '条',
  '支',
  '批',
  '篇',
  '部',
  '座',
  '处',
  '种',
  '件',
]);

/** Where a place or a total is named rather than the thing measured: 全国共有…, 我市累计… */
const PLACE_LEAD = new RegExp(
  String.raw`^(全国|全省|全市|全区|全县|全州|全镇|全乡|全旗|全校|各地|各级|我国|我省|我市|我区|我县|本省|本市|本区|本县|该省|该市|该区|该县|市本级|${HAN}{1,6}?[省市县区州](?=共有|共|现有|已有|拥有|累计|已))`,
  'u',
);
/** Leading words that qualify rather than name: 全市共成立… → 义务教育阶段教育集团. */
const LEADING =
  /^(其中|目前|截至目前|截止目前|截至|截止|如今|现已|已经|已|并|还|就|也为|也|同时|此外|另外|共计|共有|共|现有|已有|拥有|累计|总计|合计|先后|分别|将|要(?!求)|计划|力争|争取|预计|继续|实现|全年|年内|确保|当年)+/;
const TRAILING =
  /(分别达到|分别达|分别为|达到了|达到|最高达|最低为|最高|最低|最多|最少|高达|至少|不少于|不低于|不超过|不高于|提高了|提高|增长了|增长|增加|下降到|下降|降至|降低|升至|增至|突破|超过|持续稳定在|稳定在|保持在|保持|全部|所有|提升至|提升到|提升|实现|超|约|近|达|为|至|到|了|共|的|占|逾|等|要|将|应|须|每|按|、)+$/;
/** Time words at the start of a label, kept out of it (they go to `period` when they give years). */
const TIME_LEAD = new RegExp(
  String.raw`^(近[一二三四五六七八九十两\d]+年(来)?|((?:19|20)\d{2})\s*[—–\-~至到]\s*((?:19|20)\d{2})年|(到|至|截至|截止|截止到|力争到|争取到)?((?:19|20)\d{2})年(度|底|末|上半年|下半年|春季|秋季)?(以来|至今|起)?|([一二三四五六七八九十两]+|\d{1,2})年(来|间|内)?(?=累计|共|来|${HAN})|十[一二三四五]五(期间|以来|末)?|今年(以来|底)?|去年(底)?|当年|全年|年内)`,
  'u',
);
/** Words that make a sentence a rule: 应当, 不得超过, 不少于, 原则上 … */
const NORM_WORDS = /应当|应|须|不得|不少于|不低于|不超过|不高于|至少|最多|原则上|一律|每[年月周天日学期]|按照|标准/;
const ARTICLE_LEAD = /^第[一二三四五六七八九十百零〇\d]+条\s*/;
/** Prepositions a label never starts with: 在落实…, 按照… */
const LEADING_PREPOSITION = new RegExp(
  String.raw`^(在|对|按照|按|根据|依据|通过|经|以|作为|为|向|于|从)(?=${HAN}{2})`,
  'u',
);
/** Verbs that, alone before a count, leave the naming to the noun after it. */
const VERB =
  /^(安排|负责|涵盖|包括|包含|推进|实施|完成|建成|引进|招聘|培养|评选|评选出|组建|成立|新建|改扩建|新增|创建|认定|命名|打造|开发|培育|立项|获得|荣获|输送|选派|选聘|发放|投入|拨付|启动|支持|建设|开展|举办|承办|列入|实现|达到|共有|拥有|有|确保|建立|遴选|遴选确定|评出|回收|改造|撤并|开设|配备|补充|覆盖|惠及|带动|划分|划分为|设立|设置|聘任|聘请|选聘|组织)$/;
/** Verbs after which a long label is what they act on (就按时为辖区学生发放各级各类资助金 → 发放…). */
const LABEL_VERBS =
  /发放|投入|新增|新建|建成|组建|招聘|引进|培训|评选|完成|培养|选派|实施|创建|认定|建立|开设|开展|覆盖|惠及|参与/g;
/** A bound before a number, part of what the text states (不少于400门, 近3000人). */
const BOUND_BEFORE = /(不少于|不低于|不超过|不高于|至少|最多|最高达|最高|最低|不足|超过|将近|接近|大约|约|逾|近)$/;
/** A due year earlier in the sentence (到2026年), not the end of a change (增长到2023年). */
const DUE_YEAR = /(?<!增长|提高|提升|下降|增加|减少|扩大|上升|降|升|截)(?:到|至)((?:19|20)\d{2})年(?:底|末)?/g;
/** A verb a label does not start with: what follows it is what the number measures (落实…统招生计划). */
const LEADING_VERB = new RegExp(String.raw`^(落实|推进|推动|实施|坚持|确保|实现|按照)(?=${HAN}{4})`, 'u');
/** A scope a label ends in: the noun after the count names the figure (作为全国12个…城市). */
const SCOPE_END = /(全国|全省|全市|全区|全县|全州)$/;
/** A clause that ends in such a verb (要求每个街道要安排). */
const VERB_END = new RegExp(`(?:${VERB.source.slice(2, -2)})$`);
/** Where the noun after a count stops: 5个教育集团|被评为… */
const NOUN_STOP =
  /之|被|为|是|在|获|荣|实现|达|成功|共|已|均(?!衡)|全部|分别|按时|如期|和|与|及|参与|覆盖|通过|进行|得到|的|到|赴|前往|开展|完成|参加/;
/** A comparison: the year or period after it is the base, not the figure's period. */
const COMPARISON_AT = /(?:较|比|相比|与)\s*(?:(?:19|20)\d{2}年(?:底|末)?|上年|去年|上一年|同期|上学期)|同比|环比/;
const COMPARISON = new RegExp(`^(?:${COMPARISON_AT.source})`);
const COMPARISON_IN = /(?:较|比|同比|环比|相比|与)\s*(?:(?:19|20)\d{2}年(?:底|末)?|上年|去年|上一年|同期)(?:相比)?/g;

const clauseBreak = /[，,。；;：:！!？?、“”《》\s]/;

const FIVE_YEAR_PLANS: Record<string, number> = {
  十一五: 2006,
  十二五: 2011,
  十三五: 2016,
  十四五: 2021,
  十五五: 2026,
};

/** Words that make a clause a plan, not an achievement. */
const TARGET_WORDS =
  /力争|争取|计划(?=[到至于在将再新建投完实达使])|预计|目标|拟(?=[新建投完实达在将])|(?:将|要)(?=新建|新增|建成|实现|达到|完成|改扩建|增加|投入|培训|招聘|创建|保持|提高|提升|引进|培育|创评)|(?:^|[，,；;])(?:到|至)(?:19|20)\d{2}年/;
const INPUT_MONEY = /投入|投资|资金|经费|拨付|拨款|安排|筹措|补助|补贴|预算|支出|奖补|发放/;
/** People put in: the verb governs them (招聘教师, 选派18名骨干教师), not 参加培训的学生. */
const INPUT_PEOPLE =
  /(招聘|招录|引进|补充|选派|派出|配备|交流|轮岗|支教|培训|培育)(了)?[^，,。]{0,6}?(教师|校长|人才|干部|人员|名师|骨干|专家)|(教师|校长)[^，,。]{0,4}?(交流|轮岗|支教)|(招聘|招录|引进|补充|选派|配备|培训)$/;
const CONTEXT_WORDS =
  /共有|现有|拥有|已有|辖区(内)?有|在校生|在校学生|在园幼儿|在园|常住人口|户籍人口|总人口|服务人口|学校总数|(?:^|[，,])(?:全国|全省|全市|全区|全县|我市|我区|我县)?有$/;
const RESULT_WORDS =
  /新增|建成|实现|达到|达|覆盖|提升|提高|增长|增加|惠及|创建|完成|累计|新建|改扩建|消除|下降|降至|获评|获得|荣获|认定|培育|组建|成立/;

function unitWeight(unit: string): number {
  if (/元/.test(unit) || unit === '%' || unit === '个百分点') return 3;
  if (/^(万|亿)?(所|个|名|人|人次|个班)$/.test(unit)) return 2;
  return 1;
}

export interface ExtractOptions {
  /**
   * The paragraphs as analysed (simplified characters of a traditional text, same offsets): figures
   * are found in them and quoted from `paragraphs`. @default the paragraphs
   */
  analysis?: readonly string[];
  /** The document prescribes (a regulation, a notice): a figure in a rule (应当…不少于) is `context`. */
  norms?: boolean;
  /** The case's measures, ranked: a figure is tied to one whose terms its quote or clause mentions. */
  measures: readonly MeasureTerms[];
  /** Title and headings of the text: a number they repeat is a headline number. */
  headings?: readonly string[];
  /** Most figures proposed. @default 8 */
  max?: number;
}

/** Start of the `、`-list a count belongs to: 新建、改扩建中小学、幼儿园609所 (items without numbers). */
function listStart(p: string, start: number): number {
  let s = start;
  while (s > 0 && p[s - 1] === '、') {
    let t = s - 1;
    while (t > 0 && !clauseBreak.test(p[t - 1]!)) t--;
    if (/\d/.test(p.slice(t, s - 1))) break;
    s = t;
  }
  return s;
}

/** How far back a sentence, a book title or a parenthesis is looked for: keeps extraction linear. */
const REACH = 200;

/** The year or span a piece of text gives (comparison bases removed first). */
export function periodIn(text: string): FigurePeriod | undefined {
  const t = text.replace(COMPARISON_IN, '');
  const range = /((?:19|20)\d{2})\s*年?\s*(?:—|–|-|~|至|到)\s*((?:19|20)\d{2})\s*年/.exec(t);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    return from <= to ? { from, to } : undefined;
  }
  const plan = /(十[一二三四五]五)(期间|以来|末)?/.exec(t);
  if (plan) {
    const from = FIVE_YEAR_PLANS[plan[1]!]!;
    return plan[2] === '以来' ? { from } : plan[2] === '末' ? { to: from + 4 } : { from, to: from + 4 };
  }
  const since = /((?:19|20)\d{2})\s*年(?:底|末)?(?:以来|至今|起)/.exec(t);
  if (since) return { from: Number(since[1]) };
  const years = [...t.matchAll(/((?:19|20)\d{2})\s*年(?!龄|级|轻)/g)].map((m) => Number(m[1]));
  // Two different years without a span between them cannot be told apart: no period.
  if (years.length && years.every((y) => y === years[0])) return { to: years[0]! };
  return undefined;
}

/** A year a sentence opens with (2023年全市…). */
const YEAR_LEAD = new RegExp(String.raw`^((?:19|20)\d{2}年(?:度|底|末)?)(?=${HAN})`, 'u');

/** The time phrase a sentence opens with (2023年，… / 截至2024年底，… / 到2026年，… / 2023年全市…), if any. */
function sentenceLead(sentence: string): string | undefined {
  const body = sentence.replace(/^(?:[一二三四五六七八九十]+是|其中)[，,]?/, '');
  const first = /^[^，,：:]{1,18}(?=[，,：:])/.exec(body)?.[0];
  const time = first ? TIME_LEAD.exec(first) : null;
  // A whole opening clause of time words (2021年年底，), or a year the sentence starts with.
  if (first && time && first.length - time[0].length <= 3) return first;
  return YEAR_LEAD.exec(body)?.[1];
}

function kindOf(
  clause: string,
  sentencePrefix: string,
  unit: string,
  hasTargetYear: boolean,
  rest: string,
): FigureKind {
  // 将新建改扩建公办幼儿园25所…列入民生实事: 将 is 把 here, not “will”.
  const ba = /^[^。；;]{0,60}?(列入|纳入|作为|列为|写入|确定为)/.test(rest);
  const target = (t: string) => TARGET_WORDS.test(ba ? t.replace(/将/g, '') : t);
  if (target(clause) || (hasTargetYear && target(sentencePrefix))) return 'target';
  if (/元$/.test(unit) && INPUT_MONEY.test(clause)) return 'input';
  if (/^(万)?(名|人|人次)$/.test(unit) && INPUT_PEOPLE.test(clause) && !/惠及|覆盖|受益/.test(clause)) return 'input';
  // A rate (占比, 覆盖率 …) is what was reached, not a background count.
  if (CONTEXT_WORDS.test(clause) && unit !== '%' && !/新增|新建|建成|增加|提高|提升/.test(clause)) return 'context';
  return 'result';
}

interface Candidate extends FigureProposal {
  /** Offset in the paragraph, for ties and the comparison lookback. */
  at: number;
  sentence: number;
  /** Offsets (in the paragraph) of what is mapped to the text as printed. */
  spans: { quote: [number, number]; unit: [number, number][]; display?: [number, number] };
}

/** A number with what follows it, as the text writes it. */
interface NumberHit {
  /** Start of the number (of `百分之` for a percentage in words; of the first number of a range). */
  at: number;
  /** End of the number, and of its tail (余/多, magnitude, unit). */
  numEnd: number;
  end: number;
  value: number;
  approxBefore?: string;
  mult?: string;
  approxAfter?: string;
  unitWord?: string;
  /** Where the magnitude and the unit stand ('%' of 百分之八十 stands nowhere: it is in the words). */
  multAt?: number;
  unitAt?: number;
  chinese: boolean;
  /** A range (1到2间): its upper bound (the value is the lower). */
  upper?: number;
}

/** Numbers with their tails, read with the one number reader (Arabic, Chinese, 百分之, ranges). */
function numberHits(p: string): NumberHit[] {
  const tokens = numbersIn(p).filter((t) => !t.ordinal && !/[\d.\-—/]/.test(p[t.start - 1] ?? ''));
  const hits: NumberHit[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.percent && t.chinese) {
      hits.push({ at: t.start, numEnd: t.end, end: t.end, value: t.value, unitWord: '%', chinese: true });
      continue;
    }
    let from = t.end;
    let upper: number | undefined;
    const sep = RANGE.exec(p.slice(from));
    const next = tokens[k + 1];
    if (sep && next && next.start === from + sep[0].length && !TAIL.exec(p.slice(from))![0] && next.value > t.value) {
      from = next.end;
      upper = next.value;
      k++;
    }
    const [tail, approxBefore, mult, approxAfter, unitWord] = TAIL.exec(p.slice(from))!;
    hits.push({
      at: t.start,
      numEnd: from,
      end: from + tail.length,
      value: t.value,
      ...(approxBefore && { approxBefore }),
      ...(mult && { mult, multAt: from + (approxBefore?.length ?? 0) }),
      ...(approxAfter && { approxAfter }),
      ...(unitWord && { unitWord, unitAt: from + tail.length - unitWord.length }),
      chinese: t.chinese,
      ...(upper !== undefined && { upper }),
    });
  }
  return hits;
}

/** Whether a text holds a figure (a number with a unit or a magnitude). */
function hasFigure(text: string): boolean {
  return numberHits(text).some((h) => h.unitWord || h.mult);
}

/** A figure proposal with its texts taken from the paragraph as printed (same offsets). */
function printedFigure(c: Candidate, analysis: string, printed: string): Candidate {
  if (analysis === printed) return c;
  const [qs, qe] = c.spans.quote;
  const at = analysis.slice(qs, qe).indexOf(c.label);
  const slice = (span?: [number, number]) => (span ? printed.slice(span[0], span[1]) : undefined);
  return {
    ...c,
    quote: printed.slice(qs, qe),
    ...(at >= 0 && { label: printed.slice(qs + at, qs + at + c.label.length) }),
    ...(c.spans.unit.length && { unit: c.spans.unit.map((span) => slice(span)).join('') }),
    ...(c.spans.display && { display: slice(c.spans.display) }),
  };
}

/** Proposes up to `max` key figures from a case's paragraphs, most salient first. */
export function extractFigures(paragraphs: readonly string[], options: ExtractOptions): FigureProposal[] {
  const max = options.max ?? 8;
  const analysis = options.analysis ?? paragraphs;
  const termsOf = options.measures.map((m, rank) => ({ id: m.id, rank, terms: measureTerms(m) }));
  const headings = (options.headings ?? []).join('\n');
  const headingYears = [...new Set([...headings.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1])))];
  const planYear = headingYears.length === 1 ? headingYears[0] : undefined;
  const found: Candidate[] = [];
  /** The last figure of each sentence, for 较2024年增长12% (the change of what it measured). */
  const lastOfSentence = new Map<string, Candidate>();
  analysis.forEach((p, paragraph) => {
    for (const hit of numberHits(p)) {
      const candidate = figureAt(p, paragraph, hit, {
        termsOf,
        headings,
        planYear,
        lastOfSentence,
        norms: options.norms,
      });
      if (!candidate) continue;
      found.push(candidate);
      lastOfSentence.set(`${paragraph}:${candidate.sentence}`, candidate);
    }
  });
  // One figure per quote; the most salient first, then capped.
  const seen = new Set<string>();
  const unique = found.filter((f) => {
    const keys = [`q${f.paragraph}\u0000${f.quote}`, `l${f.label}\u0000${f.value}\u0000${f.unit}`];
    const dup = keys.some((k) => seen.has(k));
    keys.forEach((k) => seen.add(k));
    return !dup;
  });
  const ranked = [...unique]
    .sort((a, b) => b.score - a.score || a.paragraph - b.paragraph || a.at - b.at)
    .map((c) => printedFigure(c, analysis[c.paragraph]!, paragraphs[c.paragraph] ?? analysis[c.paragraph]!));
  // Validate the best few with the build's own check; drop anything it would reject.
  const plain = ranked.slice(0, max * 4).map(({ at: _a, sentence: _s, spans: _p, ...f }) => f);
  // The same check ties every period year to the paragraph or the headings (a period is never invented).
  const problems = new Set(
    checkFigures(
      paragraphs,
      plain,
      options.measures.map((m) => m.id),
      { titles: options.headings ?? [] },
    ).map((p) => p.figure),
  );
  return plain.filter((_, i) => !problems.has(i)).slice(0, max);
}

interface FigureContext {
  termsOf: { id: string; rank: number; terms: string[] }[];
  headings: string;
  planYear: number | undefined;
  lastOfSentence: Map<string, Candidate>;
  norms: boolean | undefined;
}

/** Where a number stands: its paragraph, sentence and clause. */
interface Site {
  p: string;
  paragraph: number;
  hit: NumberHit;
  /** Text after the number and its tail. */
  after: string;
  unit: string;
  /** Start of the sentence and of the clause (with the 、-list it ends) before the number. */
  sStart: number;
  start: number;
  clause: string;
  ctx: FigureContext;
}

/** Numbers that are no figure: a year, a list of values, a number of a book title, a word (一次性). */
function notAFigure(p: string, hit: NumberHit, after: string): boolean {
  const { mult, unitWord, at } = hit;
  if (!unitWord && !mult) return true;
  if (/^[年月日号届期级]/.test(after) || (!unitWord && !HAN_START.test(after)) || insideBookTitle(p, at)) return true;
  // A list of values (分别达93.16%、97.96%…, 87%和92%) cannot be paired with labels safely.
  if (/^[、和及]\s*\d/.test(after) || /\d[%个所人名]?\s*[、和及]$/.test(p.slice(Math.max(0, at - 8), at))) return true;
  const value = hit.value;
  if (!Number.isFinite(value) || Math.abs(value) > 1e15 || (Number.isInteger(value) && !Number.isSafeInteger(value)))
    return true;
  const unit = `${mult ?? ''}${unitWord ?? ''}`;
  if ((hit.upper ?? value) < 2 && !mult && !ONE_OK.test(unitWord ?? '') && unit !== '个百分点') return true;
  // “由484家压减至85家”, “130.18亿元的93.5%”: the first number is not a figure of its own.
  if (/^(压减|下降|降低|降|减少|增长|增加|提高|提升|上升|扩大)(到|至)/.test(after) || /^的\d/.test(after)) return true;
  // A Chinese numeral inside a word (一次性, 三个方面) is not a figure.
  return hit.chinese && (/^[性化级类]/.test(after) || ABSTRACT.test(after));
}

/** The label's first draft: the clause before the number, without places, time words and comparison bases. */
function clauseLabel(site: Site) {
  const { paragraph, sStart, clause, ctx } = site;
  let prefix = clause;
  // Another figure before this one in the clause: name it by what precedes 由/从, or skip it.
  if (hasFigure(prefix)) {
    const from = /^(.{2,}?)(由|从)/.exec(prefix.replace(LEADING, ''));
    if (!from) return undefined;
    prefix = from[1]!;
  }
  let label = prefix.replace(PLACE_LEAD, '').replace(LEADING, '');
  let qualifier = '';
  const time = TIME_LEAD.exec(label);
  if (time) {
    qualifier = time[0];
    label = label.slice(time[0].length).replace(PLACE_LEAD, '').replace(LEADING, '');
  }
  let comparedTo: string | undefined;
  const verbOf = (t: string) => /(增长|提高|提升|增加|下降|降低|减少|上升|扩大)/.exec(t)?.[1];
  const inner = COMPARISON_AT.exec(label);
  if (inner && inner.index > 0) {
    // 本科上线率较2021年提高9.6个百分点 → 本科上线率提高
    const verb = verbOf(label.slice(inner.index));
    if (!verb) return undefined;
    comparedTo = `${label.slice(0, inner.index).replace(TRAILING, '')}${verb}`;
  } else if (COMPARISON.test(label)) {
    // 较2024年增长12%: the change of what the previous figure of the sentence measured.
    const verb = verbOf(label);
    const previous = ctx.lastOfSentence.get(`${paragraph}:${sStart}`);
    if (!verb || !previous) return undefined;
    comparedTo = `${previous.label.replace(/（.*）$/, '')}${verb}`;
  }
  // A regulation's article number is not part of what its number measures (第六条学校每学期…).
  label =
    comparedTo ??
    label.replace(ARTICLE_LEAD, '').replace(TRAILING, '').replace(LEADING_PREPOSITION, '').replace(LEADING_VERB, '');
  return { label, prefix, qualifier, comparedTo };
}

/** The label (the noun phrase the number measures), the quote's end and how the text states the number. */
function figureLabel(site: Site) {
  const { p, hit, after, start } = site;
  const first = clauseLabel(site);
  if (!first) return undefined;
  let { label } = first;
  const { at, end, unitWord } = hit;
  let quoteEnd = end;
  // …or after a clause that ends in one (当局要求每个街道要安排|1到2间|小学).
  const endsInVerb = VERB_END.test(label) && !VERB.test(label);
  // …or after a scope (成都市作为全国|12个|义务教育优质均衡先行创建城市).
  const nounNames = !first.comparedTo && (label.length < 2 || VERB.test(label) || endsInVerb || SCOPE_END.test(label));
  if (nounNames && unitWord && MEASURE_WORDS.has(unitWord)) {
    // 建成236个全国校园足球特色学校: the noun after the measure word names the figure.
    const run = HAN_RUN_START.exec(after)?.[0] ?? '';
    const stop = run.search(NOUN_STOP);
    const noun = stop < 0 ? run : run.slice(0, stop);
    if (noun.length >= 2 && !ABSTRACT.test(noun)) {
      label = noun;
      quoteEnd = end + noun.length;
    }
  }
  if (label.length > 12 && quoteEnd === end) {
    // 就按时为辖区学生发放各级各类资助金 → 发放各级各类资助金
    const verb = [...label.matchAll(LABEL_VERBS)].at(-1);
    if (verb && verb.index > 0 && label.length - verb.index >= 4) label = label.slice(verb.index);
  }
  // A rate of time (每周5天) describes a rule, not a figure worth showing.
  // …nor a phrase cut at a preposition (努力向40分钟课堂要质量).
  if (
    label.length < 2 ||
    /^\d/.test(label) ||
    /^每[周天日月年学期节课]{1,2}$/.test(label) ||
    /[向把对从被给]$/.test(label)
  )
    return undefined;
  // 30多亿元, 6万余名, 85%以上, 两次以上: keep the approximation as the text states it.
  const bound = quoteEnd === end ? (/^(以上|左右|以内|以下)/.exec(after)?.[0] ?? '') : '';
  if (bound) quoteEnd += bound.length;
  // 不少于400门, 超过90%, 近3000人: a bound before the number is part of what the text states.
  const before = BOUND_BEFORE.exec(p.slice(start, at))?.[1] ?? '';
  const stated = hit.approxBefore || hit.approxAfter || bound || before || hit.upper !== undefined;
  const display = stated ? before + p.slice(at, end) + bound : undefined;
  if (before) label = label.replace(new RegExp(`${before}$`), '').replace(TRAILING, '');
  if (label.length < 2) return undefined;
  return { ...first, label, quoteEnd, display, displayStart: at - before.length, displayEnd: end + bound.length };
}

/** The years the text ties to the figure, and what kind of figure it is (result, target, input, context). */
function periodAndKind(site: Site, qualifier: string, quoteEnd: number) {
  const { p, paragraph, sStart, start, clause, unit, after, hit, ctx } = site;
  // Period: the clause's own time words, else the time phrase the sentence opens with.
  const lead = sentenceLead(p.slice(sStart, hit.at));
  // 计划到2026年再新增学位3.6万个、幼儿园学位6000个: a 、-joined item shares the verb, kind and period.
  const joined = start > 0 && p[start - 1] === '、' ? ctx.lastOfSentence.get(`${paragraph}:${sStart}`) : undefined;
  let period = periodIn(qualifier || clause) ?? (lead ? periodIn(lead) : undefined) ?? joined?.period;
  const dueBy = (t: string) => /(?:^|[^截])(?:到|至)(?:19|20)\d{2}年/.test(t) && !/截至|截止/.test(t);
  let targetYear = !!period?.to && [qualifier, clause, lead ?? ''].some(dueBy);
  // 明确提出到2026年，全市将新建…609所: a due year earlier in the sentence, with no other year between.
  const earlier = p.slice(sStart, start);
  // Not 从2018年的74亿元增长到2023年的106亿元: a change between two years is no due date.
  const due = [...earlier.matchAll(DUE_YEAR)].at(-1);
  const between = due ? earlier.slice(due.index + due[0].length) : '';
  if (!period && due && !/从(?:19|20)\d{2}年/.test(earlier) && !/(?:19|20)\d{2}年/.test(between)) {
    period = { to: Number(due[1]) };
    targetYear = true;
  }
  let kind: FigureKind =
    joined && !TARGET_WORDS.test(clause) && !RESULT_WORDS.test(clause)
      ? joined.kind
      : kindOf(clause, p.slice(sStart, hit.at), unit, targetYear, after);
  if (targetYear && kind === 'result') kind = 'target';
  // A rule of a regulation or a notice (应当…不少于一小时) is neither a result nor a target.
  if (ctx.norms && NORM_WORDS.test(p.slice(sStart, quoteEnd + 6))) kind = 'context';
  // A plan's target without its own year takes the one year its title or headings print
  // (2023年…工作要点); a target with no year at all is not comparable and not proposed.
  if (kind === 'target' && period?.to === undefined && ctx.planYear) period = { ...period, to: ctx.planYear };
  if (kind === 'target' && period?.to === undefined) return undefined;
  return { period, kind };
}

/** Salience: money and rates, a number a heading repeats, the case's measures, results, totals. */
function salience(
  site: Site,
  f: { label: string; prefix: string; quote: string; kind: FigureKind; comparedTo?: string | undefined },
) {
  const { p, paragraph, sStart, start, clause, unit, hit, ctx } = site;
  const sentence = p.slice(sStart, hit.end);
  const inQuote = ctx.termsOf.find((t) => t.terms.some((term) => f.quote.includes(term)));
  const inSentence = inQuote ?? ctx.termsOf.find((t) => t.terms.some((term) => sentence.includes(term)));
  let score = unitWeight(unit) + (f.label.length <= 14 ? 1 : -1);
  if (inQuote) score += 2 + (inQuote.rank === 0 ? 1 : 0);
  else if (inSentence) score += 1;
  if (ctx.headings && ctx.headings.includes(p.slice(hit.at, hit.end))) score += 4;
  if (RESULT_WORDS.test(clause)) score += 2;
  // Totals: 2.4万个 is a headline where 3000个 is usually a part.
  if (/[万亿]/.test(unit)) score += 1;
  if (f.kind === 'context') score -= 1;
  // A change against a base (较2024年增长12%) is secondary to the level it qualifies.
  if (f.comparedTo) score -= 2;
  if (paragraph === 0 || sStart === 0) score += 1;
  // 其中…: a part of the total just stated.
  const lead = p.slice(sStart, start);
  if (/^其中/.test(clause) || /^其中/.test(lead) || /其中[^，,。]*$/.test(lead)) score -= 2;
  if (insideParentheses(p, hit.at)) score -= 2;
  if (f.label.length <= 2 || /等$/.test(f.prefix)) score -= 3;
  return { score, measure: inQuote?.id };
}

/** Where the unit's parts stand, to quote them as printed (萬元); '%' of 百分之 stands in the words. */
function unitSpans(hit: NumberHit): [number, number][] {
  const spans: [number, number][] = [];
  if (hit.multAt !== undefined) spans.push([hit.multAt, hit.multAt + hit.mult!.length]);
  if (hit.unitAt !== undefined) spans.push([hit.unitAt, hit.unitAt + hit.unitWord!.length]);
  return spans;
}

/** The figure a number of paragraph `p` stands for, or undefined when it is none. */
function figureAt(p: string, paragraph: number, hit: NumberHit, ctx: FigureContext): Candidate | undefined {
  const after = p.slice(hit.end);
  if (notAFigure(p, hit, after)) return undefined;
  const sStart = sentenceStart(p, hit.at, REACH);
  // The clause before the number (and the items of a 、-list it ends).
  let start = hit.at;
  while (start > 0 && !clauseBreak.test(p[start - 1]!) && hit.at - start < 40) start--;
  start = listStart(p, start);
  const unit = `${hit.mult ?? ''}${hit.unitWord ?? ''}`;
  const site: Site = { p, paragraph, hit, after, unit, sStart, start, clause: p.slice(start, hit.at), ctx };
  const named = figureLabel(site);
  if (!named) return undefined;
  const quote = p.slice(start, named.quoteEnd);
  const typed = periodAndKind(site, named.qualifier, named.quoteEnd);
  if (!typed) return undefined;
  const { score, measure } = salience(site, { ...named, quote, kind: typed.kind });
  // A span that names no years (近三年, 2019年以来 goes to period) stays in the label.
  const q = named.qualifier;
  const spanWords = q && !periodIn(q) && /近|来/.test(q) ? q : '';
  const label = spanWords && !named.comparedTo ? `${named.label}（${spanWords}）` : named.label;
  return {
    label: label.slice(0, 40),
    value: hit.value,
    unit,
    ...(named.display && { display: named.display }),
    kind: typed.kind,
    ...(typed.period && { period: typed.period }),
    ...(measure && { measure }),
    quote,
    paragraph,
    score,
    at: hit.at,
    sentence: sStart,
    spans: {
      quote: [start, named.quoteEnd],
      unit: unitSpans(hit),
      ...(named.display && { display: [named.displayStart, named.displayEnd] as [number, number] }),
    },
  };
}

/** Whether `at` is after an opening bracket with no closing one (within REACH characters). */
function insideOf(text: string, at: number, open: string, close: string): boolean {
  for (let i = at - 1; i >= 0 && at - i <= REACH; i--) {
    const c = text[i]!;
    if (close.includes(c)) return false;
    if (open.includes(c)) return true;
  }
  return false;
}

const insideBookTitle = (text: string, at: number) => insideOf(text, at, '《', '》');
const insideParentheses = (text: string, at: number) => insideOf(text, at, '（(', '）)');
