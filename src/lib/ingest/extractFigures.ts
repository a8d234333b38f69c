/**
 * Key figures: numbers with units (counts, money, percentages) found in the cleaned
 * paragraphs, each with the noun phrase it measures, the unit as stated, what it means
 * (`kind`: result, target, input, context), the year or span the text ties it to (`period`),
 * and the exact phrase it comes from. Ranked by salience — named in a heading, in the context of
 * the case's measures, stated as an achievement — not by position, then capped. Quotes are
 * substrings of the paragraph text that the build reads back, and every proposal is validated
 * with the shared `checkFigures` so that a draft builds.
 */
import { checkFigures, type FigureLike } from '../figures.ts';
import { measureTerms, type MeasureTerms } from '../tagging.ts';
import { HAN } from '../han.ts';

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
  '个工作日',
  '个学时',
  '个课时',
  '个小时',
  '个学期',
  '个月',
  '个班(?![级主子长])',
  '平方米',
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
const FIGURE_RE = new RegExp(`(?<![\\d.\\-—/第])(\\d+(?:\\.\\d+)?)(余|多)?(万|亿)?(余|多)?(${UNIT_RE})?`, 'g');
const FIGURE_IN = new RegExp(`\\d(余|多)?(万|亿)?(${UNIT_RE})`);
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
const PLACE_LEAD =
  /^(全国|全省|全市|全区|全县|全州|全镇|全乡|全旗|全校|各地|各级|我国|我省|我市|我区|我县|本省|本市|本区|本县|该省|该市|该区|该县|市本级|[\u4e00-\u9fff]{1,6}?[省市县区州](?=共有|共|现有|已有|拥有|累计|已))/;
/** Leading words that qualify rather than name: 全市共成立… → 义务教育阶段教育集团. */
const LEADING =
  /^(其中|目前|截至目前|截止目前|截至|截止|如今|现已|已经|已|并|还|就|也为|也|同时|此外|另外|共计|共有|共|现有|已有|拥有|累计|总计|合计|先后|分别|将|要|计划|力争|争取|预计|继续|实现|全年|年内|确保|当年)+/;
const TRAILING =
  /(分别达到|分别达|分别为|达到了|达到|高达|提高了|提高|增长了|增长|增加|下降到|下降|降至|降低|升至|增至|突破|超过|持续稳定在|稳定在|保持在|保持|全部|所有|提升至|提升到|提升|实现|超|约|近|达|为|至|到|了|共|的|占|逾|等|要|将|应|须|、)+$/;
/** Time words at the start of a label, kept out of it (they go to `period` when they give years). */
const TIME_LEAD =
  /^(近[一二三四五六七八九十两\d]+年(来)?|((?:19|20)\d{2})\s*[—–\-~至到]\s*((?:19|20)\d{2})年|(到|至|截至|截止|截止到|力争到|争取到)?((?:19|20)\d{2})年(度|底|末|上半年|下半年|春季|秋季)?(以来|至今|起)?|([一二三四五六七八九十两]+|\d{1,2})年(来|间|内)?(?=累计|共|来|[\u4e00-\u9fff])|十[一二三四五]五(期间|以来|末)?|今年(以来|底)?|去年(底)?|当年|全年|年内)/;
/** Verbs that, alone before a count, leave the naming to the noun after it. */
const VERB =
  /^(推进|实施|完成|建成|引进|招聘|培养|评选|评选出|组建|成立|新建|改扩建|新增|创建|认定|命名|打造|开发|培育|立项|获得|荣获|输送|选派|选聘|发放|投入|拨付|启动|支持|建设|开展|举办|承办|列入|实现|达到|共有|拥有|有|确保|建立|遴选|遴选确定|评出|回收|改造|撤并|开设|配备|补充|覆盖|惠及|带动|划分|划分为|设立|设置|聘任|聘请|选聘|组织)$/;
/** Where the noun after a count stops: 5个教育集团|被评为… */
const NOUN_STOP =
  /被|为|是|在|获|荣|实现|达|成功|共|已|均|全部|分别|按时|如期|和|与|及|参与|覆盖|通过|进行|得到|的|到|赴|前往|开展|完成|参加/;
/** A comparison: the year or period after it is the base, not the figure's period. */
const COMPARISON_AT = /(?:较|比|相比|与)\s*(?:(?:19|20)\d{2}年(?:底|末)?|上年|去年|上一年|同期|上学期)|同比|环比/;
const COMPARISON = new RegExp(`^(?:${COMPARISON_AT.source})`);
const COMPARISON_IN = /(?:较|比|同比|环比|相比|与)\s*(?:(?:19|20)\d{2}年(?:底|末)?|上年|去年|上一年|同期)(?:相比)?/g;

const clauseBreak = /[，,。；;：:！!？?、“”《》\s]/;
const sentenceBreak = /[。；;！!？?]/;

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

function sentenceStart(p: string, at: number): number {
  let s = at;
  while (s > 0 && at - s < REACH && !sentenceBreak.test(p[s - 1]!)) s--;
  return s;
}

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

/** The time phrase a sentence opens with (2023年，… / 截至2024年底，… / 到2026年，… / 2023年全市…), if any. */
function sentenceLead(sentence: string): string | undefined {
  const body = sentence.replace(/^(?:[一二三四五六七八九十]+是|其中)[，,]?/, '');
  const first = /^[^，,：:]{1,18}(?=[，,：:])/.exec(body)?.[0];
  const time = first ? TIME_LEAD.exec(first) : null;
  // A whole opening clause of time words (2021年年底，), or a year the sentence starts with.
  if (first && time && first.length - time[0].length <= 3) return first;
  return /^((?:19|20)\d{2}年(?:度|底|末)?)(?=[\u4e00-\u9fff])/.exec(body)?.[1];
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
}

/** Proposes up to `max` key figures from a case's paragraphs, most salient first. */
export function extractFigures(paragraphs: readonly string[], options: ExtractOptions): FigureProposal[] {
  const max = options.max ?? 8;
  const termsOf = options.measures.map((m, rank) => ({ id: m.id, rank, terms: measureTerms(m) }));
  const headings = (options.headings ?? []).join('\n');
  const headingYears = [...new Set([...headings.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1])))];
  const planYear = headingYears.length === 1 ? headingYears[0] : undefined;
  const found: Candidate[] = [];
  /** The last figure of each sentence, for 较2024年增长12% (the change of what it measured). */
  const lastOfSentence = new Map<string, Candidate>();
  paragraphs.forEach((p, paragraph) => {
    for (const m of p.matchAll(FIGURE_RE)) {
      const [whole, num, approxBefore, mult, approxAfter, unitWord] = m;
      if (!unitWord && !mult) continue;
      const at = m.index;
      const end = at + whole.length;
      const after = p.slice(end);
      if (/^[年月日号届期级]/.test(after)) continue;
      if (!unitWord && !HAN_START.test(after)) continue;
      if (insideBookTitle(p, at)) continue;
      // A list of values (分别达93.16%、97.96%…, 87%和92%) cannot be paired with labels safely.
      if (
        /^[、和及至~\-—]\s*\d/.test(after) ||
        /\d[%个所人名]?\s*[、和及至到~\-—]$/.test(p.slice(Math.max(0, at - 8), at))
      )
        continue;
      const unit = `${mult ?? ''}${unitWord ?? ''}`;
      const value = Number(num);
      if (
        !Number.isFinite(value) ||
        Math.abs(value) > 1e15 ||
        (Number.isInteger(value) && !Number.isSafeInteger(value))
      )
        continue;
      if (value < 2 && unit !== '%' && !/[万亿]/.test(unit) && unit !== '个百分点') continue;

      // “由484家压减至85家”, “130.18亿元的93.5%”: the first number is not a figure of its own.
      if (/^(压减|下降|降低|降|减少|增长|增加|提高|提升|上升|扩大)(到|至)/.test(after) || /^的\d/.test(after)) continue;
      const sStart = sentenceStart(p, at);
      const sentence = p.slice(sStart, end);
      // The clause before the number (and the items of a 、-list it ends).
      let start = at;
      while (start > 0 && !clauseBreak.test(p[start - 1]!) && at - start < 40) start--;
      start = listStart(p, start);
      const clause = p.slice(start, at);
      let prefix = clause;
      // Another figure before this one in the clause: name it by what precedes 由/从, or skip it.
      if (FIGURE_IN.test(prefix)) {
        const from = /^(.{2,}?)(由|从)/.exec(prefix.replace(LEADING, ''));
        if (!from) continue;
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
        if (!verb) continue;
        comparedTo = `${label.slice(0, inner.index).replace(TRAILING, '')}${verb}`;
      } else if (COMPARISON.test(label)) {
        // 较2024年增长12%: the change of what the previous figure of the sentence measured.
        const verb = verbOf(label);
        const previous = lastOfSentence.get(`${paragraph}:${sStart}`);
        if (!verb || !previous) continue;
        comparedTo = `${previous.label.replace(/（.*）$/, '')}${verb}`;
      }
      label = comparedTo ?? label.replace(TRAILING, '');
      let quoteEnd = end;
      if (!comparedTo && (label.length < 2 || VERB.test(label)) && unitWord && MEASURE_WORDS.has(unitWord)) {
        // 建成236个全国校园足球特色学校: the noun after the measure word names the figure.
        const run = HAN_RUN_START.exec(after)?.[0] ?? '';
        const stop = run.search(NOUN_STOP);
        const noun = stop < 0 ? run : run.slice(0, stop);
        if (noun.length >= 2) {
          label = noun;
          quoteEnd = end + noun.length;
        }
      }
      if (label.length > 12) {
        // 就按时为辖区学生发放各级各类资助金 → 发放各级各类资助金
        const verb = [
          ...label.matchAll(
            /发放|投入|新增|新建|建成|组建|招聘|引进|培训|评选|完成|培养|选派|实施|创建|认定|建立|开设|开展|覆盖|惠及|参与/g,
          ),
        ].at(-1);
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
        continue;
      // 30多亿元, 6万余名, 85%以上: keep the approximation as the text states it.
      const bound = quoteEnd === end ? (/^(以上|左右)/.exec(after)?.[0] ?? '') : '';
      if (bound) quoteEnd += bound.length;
      // 不少于400门, 超过90%: a bound before the number is part of what the text states.
      const before = /(不少于|不低于|不超过|不高于|不足|超过|逾)$/.exec(p.slice(start, at))?.[1] ?? '';
      const display = approxBefore || approxAfter || bound || before ? before + whole + bound : undefined;
      if (before) label = label.replace(new RegExp(`${before}$`), '').replace(TRAILING, '');
      const quote = p.slice(start, quoteEnd);

      // Period: the clause's own time words, else the time phrase the sentence opens with.
      const lead = sentenceLead(p.slice(sStart, at));
      // 计划到2026年再新增学位3.6万个、幼儿园学位6000个: a 、-joined item shares the verb, kind and period.
      const joined = start > 0 && p[start - 1] === '、' ? lastOfSentence.get(`${paragraph}:${sStart}`) : undefined;
      let period = periodIn(qualifier || clause) ?? (lead ? periodIn(lead) : undefined) ?? joined?.period;
      const dueBy = (t: string) => /(?:^|[^截])(?:到|至)(?:19|20)\d{2}年/.test(t) && !/截至|截止/.test(t);
      let targetYear = !!period?.to && [qualifier, clause, lead ?? ''].some(dueBy);
      // 明确提出到2026年，全市将新建…609所: a due year earlier in the sentence, with no other year between.
      const earlier = p.slice(sStart, start);
      // Not 从2018年的74亿元增长到2023年的106亿元: a change between two years is no due date.
      const due = [
        ...earlier.matchAll(
          /(?<!增长|提高|提升|下降|增加|减少|扩大|上升|降|升|截)(?:到|至)((?:19|20)\d{2})年(?:底|末)?/g,
        ),
      ].at(-1);
      if (
        !period &&
        due &&
        !/从(?:19|20)\d{2}年/.test(earlier) &&
        !/(?:19|20)\d{2}年/.test(earlier.slice(due.index + due[0].length))
      ) {
        period = { to: Number(due[1]) };
        targetYear = true;
      }
      let kind =
        joined && !TARGET_WORDS.test(clause) && !RESULT_WORDS.test(clause)
          ? joined.kind
          : kindOf(clause, p.slice(sStart, at), unit, targetYear, after);
      if (targetYear && kind === 'result') kind = 'target';
      // A plan's target without its own year takes the one year its title or headings print
      // (2023年…工作要点); a target with no year at all is not comparable and not proposed.
      if (kind === 'target' && period?.to === undefined && planYear) period = { ...period, to: planYear };
      if (kind === 'target' && period?.to === undefined) continue;

      const inQuote = termsOf.find((t) => t.terms.some((term) => quote.includes(term)));
      const inSentence = inQuote ?? termsOf.find((t) => t.terms.some((term) => sentence.includes(term)));
      let score = unitWeight(unit) + (label.length <= 14 ? 1 : -1);
      if (inQuote) score += 2 + (inQuote.rank === 0 ? 1 : 0);
      else if (inSentence) score += 1;
      if (headings && headings.includes(whole)) score += 4;
      if (RESULT_WORDS.test(clause)) score += 2;
      // Totals: 2.4万个 is a headline where 3000个 is usually a part.
      if (/[万亿]/.test(unit)) score += 1;
      if (kind === 'context') score -= 1;
      // A change against a base (较2024年增长12%) is secondary to the level it qualifies.
      if (comparedTo) score -= 2;
      if (paragraph === 0 || sStart === 0) score += 1;
      // 其中…: a part of the total just stated.
      if (/^其中/.test(clause) || /^其中/.test(p.slice(sStart, start)) || /其中[^，,。]*$/.test(p.slice(sStart, start)))
        score -= 2;
      if (insideParentheses(p, at)) score -= 2;
      if (label.length <= 2 || /等$/.test(prefix)) score -= 3;
      // A span that names no years (近三年, 2019年以来 goes to period) stays in the label.
      const spanWords = qualifier && !periodIn(qualifier) && /近|来/.test(qualifier) ? qualifier : '';
      const fullLabel = spanWords && !comparedTo ? `${label}（${spanWords}）` : label;
      const candidate: Candidate = {
        label: fullLabel.slice(0, 40),
        value,
        unit,
        ...(display && { display }),
        kind,
        ...(period && { period }),
        ...(inQuote && { measure: inQuote.id }),
        quote,
        paragraph,
        score,
        at,
        sentence: sStart,
      };
      found.push(candidate);
      lastOfSentence.set(`${paragraph}:${sStart}`, candidate);
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
  const ranked = [...unique].sort((a, b) => b.score - a.score || a.paragraph - b.paragraph || a.at - b.at);
  // Validate the best few with the build's own check; drop anything it would reject.
  const plain = ranked.slice(0, max * 4).map(({ at: _a, sentence: _s, ...f }) => f);
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
