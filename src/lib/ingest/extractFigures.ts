/**
 * Key figures: numbers with units (counts, money, percentages) found in the cleaned
 * paragraphs, each with a short label and the exact phrase it comes from. Quotes are
 * substrings of the paragraph text that the build reads back (`paragraphs()` of the MDX
 * body), and every proposal is validated with the shared `checkFigures` so that a draft builds.
 */
import { checkFigures, type FigureLike } from '../figures.ts';
import { measureTerms, type MeasureTerms } from '../tagging.ts';
import { HAN } from '../han.ts';

const HAN_START = new RegExp(`^${HAN}`, 'u');
const HAN_RUN_START = new RegExp(`^${HAN}{2,16}`, 'u');

export interface FigureProposal extends FigureLike {
  /** Paragraph index (0-based) the quote is from. */
  paragraph: number;
  score: number;
}

/** Units, longest first. `万`/`亿` multipliers become part of the unit (4.34万个 → 4.34, 万个). */
const UNITS = ['个百分点', '平方米', '人次', '亿元', '万元', '元', '所', '个', '人', '名', '项', '家', '次', '节', '门', '场', '间', '班', '套', '台', '亩', '条', '支', '批', '篇', '部', '%'];
const UNIT_RE = UNITS.map((u) => u.replace('%', '%')).join('|');
const FIGURE_RE = new RegExp(`(?<![\\d.\\-—/第])(\\d+(?:\\.\\d+)?)(余|多)?(万|亿)?(余|多)?(${UNIT_RE})?`, 'g');
const MEASURE_WORDS = new Set(['所', '个', '名', '家', '项', '门', '场', '间', '套', '台', '条', '支', '批', '篇', '部']);

/** Leading words that qualify rather than name: 全市共成立… → 义务教育阶段教育集团. */
const LEADING = /^(其中|目前|截至目前|截止目前|截至|如今|现已|已经|已|并|还|就|也为|也|同时|此外|另外|全市|全区|全县|全省|我市|该区|该市|市本级|共计|共有|共|累计|总计|合计|先后|分别|将|要|计划|继续|实现)+/;
const TRAILING = /(分别达到|分别达|分别为|达到了|达到|高达|提高了|提高|增长了|增长|增加|下降到|下降|降至|降低|升至|增至|突破|超过|持续稳定在|稳定在|保持在|保持|提升至|提升到|提升|实现|超|约|近|达|为|至|到|了|共|的|占|逾|等|要|将|应|须|、)+$/;
const TIME_QUALIFIER = /^(近[一二三四五两\d]+年(来)?|[一二三四五六七八九十\d]+年来|\d{4}年(底|末)?(以来|至今)?|十[三四五]五期间|今年(底)?|去年)/;
/** Verbs that, alone before a count, leave the naming to the noun after it: 建成236个全国校园足球特色学校. */
const VERB = /^(推进|实施|完成|建成|引进|招聘|培养|评选|评选出|组建|成立|新建|改扩建|新增|创建|认定|命名|打造|开发|培育|立项|获得|荣获|输送|选派|选聘|发放|投入|拨付|启动|支持|建设|开展|举办|承办|列入|实现|达到|共有|拥有|有|确保|建立|遴选|遴选确定|评出|回收|改造|撤并)$/;
/** Where the noun after a count stops: 5个教育集团|被评为… */
const NOUN_STOP = /被|为|是|在|获|荣|实现|达|成功|共|已|均|全部|分别|按时|如期|和|与|及|参与|覆盖|通过|进行|得到/;

const clauseBreak = /[，。；：！？、“”《》\s]/;

function unitWeight(unit: string): number {
  if (/元/.test(unit) || unit === '%') return 3;
  if (/^(万|亿)?(所|个|名|人|人次)$/.test(unit)) return 2;
  return 1;
}

export interface ExtractOptions {
  /** The case's measures, ranked: a figure is tied to one whose terms its quote or clause mentions. */
  measures: readonly MeasureTerms[];
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

/** Proposes up to `max` key figures from a case's paragraphs, in text order. */
export function extractFigures(paragraphs: readonly string[], options: ExtractOptions): FigureProposal[] {
  const max = options.max ?? 8;
  const termsOf = options.measures.map((m) => ({ id: m.id, terms: measureTerms(m) }));
  const found: FigureProposal[] = [];
  paragraphs.forEach((p, paragraph) => {
    for (const m of p.matchAll(FIGURE_RE)) {
      const [whole, num, approxBefore, mult, approxAfter, unitWord] = m;
      if (!unitWord && !mult) continue;
      const at = m.index!;
      const end = at + whole.length;
      const after = p.slice(end);
      if (/^[年月日号届期级]/.test(after)) continue;
      if (!unitWord && !HAN_START.test(after)) continue;
      if (insideBookTitle(p, at)) continue;
      // A list of values (分别达93.16%、97.96%…, 87%和92%) cannot be paired with labels safely.
      if (/^[、和及至~\-—]\s*\d/.test(after) || /\d[%个所人名]?\s*[、和及]$/.test(p.slice(Math.max(0, at - 8), at))) continue;
      const unit = `${mult ?? ''}${unitWord ?? ''}`;
      const value = Number(num);
      if (!Number.isFinite(value)) continue;
      if (value < 2 && unit !== '%' && !/[万亿]/.test(unit)) continue;

      // “由484家压减至85家”, “130.18亿元的93.5%”: the first number is not a figure of its own.
      if (/^(压减|下降|降低|降|减少|增长|增加|提高|提升|上升|扩大)(到|至)/.test(after) || /^的\d/.test(after)) continue;
      // The clause before the number (and the items of a 、-list it ends).
      let start = at;
      while (start > 0 && !clauseBreak.test(p[start - 1]!) && at - start < 24) start--;
      start = listStart(p, start);
      let prefix = p.slice(start, at);
      // Another figure before this one in the clause: name it by what precedes 由/从, or skip it.
      if (new RegExp(`\\d(余|多)?(万|亿)?(${UNIT_RE})`).test(prefix)) {
        const from = /^(.{2,}?)(由|从)/.exec(prefix.replace(LEADING, ''));
        if (!from) continue;
        prefix = from[1]!;
      }
      let label = prefix;
      let qualifier = '';
      label = label.replace(LEADING, '');
      const time = TIME_QUALIFIER.exec(label);
      if (time) {
        qualifier = time[0];
        label = label.slice(time[0].length).replace(LEADING, '');
      }
      label = label.replace(TRAILING, '');
      let quoteEnd = end;
      if ((label.length < 2 || VERB.test(label)) && unitWord && MEASURE_WORDS.has(unitWord)) {
        // 建成236个全国校园足球特色学校: the noun after the measure word names the figure.
        const run = HAN_RUN_START.exec(after)?.[0] ?? '';
        const stop = run.search(NOUN_STOP);
        const noun = stop < 0 ? run : run.slice(0, stop);
        if (noun.length >= 2 && !noun.startsWith('的')) {
          label = noun;
          quoteEnd = end + noun.length;
        }
      }
      if (label.length > 12) {
        // 就按时为辖区学生发放各级各类资助金 → 发放各级各类资助金
        const verb = [...label.matchAll(/发放|投入|新增|新建|建成|组建|招聘|引进|培训|评选|完成|培养|选派|实施|创建|认定|建立|开设|开展|覆盖|惠及|参与/g)].at(-1);
        if (verb && verb.index! > 0 && label.length - verb.index! >= 4) label = label.slice(verb.index!);
      }
      if (label.length < 2) continue;
      // 30多亿元, 6万余名, 85%以上: keep the approximation as the text states it.
      const bound = quoteEnd === end ? /^(以上|左右)/.exec(after)?.[0] ?? '' : '';
      if (bound) quoteEnd += bound.length;
      const display = approxBefore || approxAfter || bound ? whole + bound : undefined;
      const quote = p.slice(start, quoteEnd);
      const yearMatch = /((?:19|20)\d{2})年(?!以来|至今|起)/.exec(prefix);
      const year = yearMatch ? Number(yearMatch[1]) : undefined;
      const inQuote = termsOf.find((t) => t.terms.some((term) => quote.includes(term)));
      const measure = inQuote?.id;
      let score = unitWeight(unit) + (inQuote ? 3 : 0) + (label.length <= 14 ? 1 : -1);
      if (/亿元|万元/.test(unit)) score += 1;
      if (label.length <= 2 || /等$/.test(prefix)) score -= 3;
      // A bare year goes to `year`, a span (2019年以来, 近三年) stays in the label.
      const fullLabel = qualifier && !(year && qualifier === `${year}年`) ? `${label}（${qualifier}）` : label;
      found.push({ label: fullLabel.slice(0, 40), value, unit, ...(display && { display }), ...(year && { year }), ...(measure && { measure }), quote, paragraph, score });
    }
  });
  // One figure per quote; the best `max`, back in text order.
  const unique = found.filter((f, i) => found.findIndex((g) => g.quote === f.quote || (g.label === f.label && g.value === f.value)) === i);
  const chosen = [...unique].sort((a, b) => b.score - a.score || a.paragraph - b.paragraph).slice(0, max);
  const ordered = unique.filter((f) => chosen.includes(f));
  // Validate with the build's own check; drop anything it would reject.
  const problems = new Set(checkFigures(paragraphs, ordered, options.measures.map((m) => m.id)).map((p) => p.figure));
  return ordered.filter((_, i) => !problems.has(i));
}

function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open;
}
