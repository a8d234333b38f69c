/**
 * Cleaning rules for raw bulletin text, each a small pure function so that tests can pin
 * it down with a before/after pair. The order that `structure.ts` applies them in:
 * `normalizeChars` per line → `shouldJoin`/`joinText` for broken wraps → `cleanParagraph`
 * (or `cleanHeading`) per block → `dedupeParagraphs` per case.
 */
import { hasHan, isCjkPunctuation, isCjkPunctuationCode, isHan, isHanCode } from '../../text/han.ts';
import { endsSentence } from '../../text/sentences.ts';

/** A Chinese character or a CJK punctuation mark. */
export const isCjk = (c: string | undefined): boolean => isHan(c) || isCjkPunctuation(c);
const isDigit = (c: string | undefined) => !!c && c >= '0' && c <= '9';
const isLatin = (c: string | undefined) => !!c && /[A-Za-z]/.test(c);

/**
 * Per-line normalisation (after ../read/hygiene.ts has decoded references and removed control
 * characters): zero-width characters dropped, every kind of
 * space (NBSP, ideographic space, tab) made a plain space, full-width digits, letters and
 * `％` made ASCII (numbers keep ASCII in this casebook), and the line trimmed.
 */
export function normalizeChars(line: string): string {
  return line
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .trim();
}

/** Splits a text into URL (kept verbatim) and non-URL segments. */
function splitUrls(s: string): { text: string; url: boolean }[] {
  const parts: { text: string; url: boolean }[] = [];
  const re = /(?:https?:\/\/|www\.)[\w\-.~:/?#[\]@!$&'*+,;=%]+/gi;
  let last = 0;
  for (const m of s.matchAll(re)) {
    if (m.index! > last) parts.push({ text: s.slice(last, m.index), url: false });
    parts.push({ text: m[0], url: true });
    last = m.index! + m[0].length;
  }
  if (last < s.length) parts.push({ text: s.slice(last), url: false });
  return parts;
}

const mapOutsideUrls = (s: string, fn: (t: string) => string) =>
  splitUrls(s)
    .map((p) => (p.url ? p.text : fn(p.text)))
    .join('');

/** A Han character or a CJK punctuation mark, as a code unit. */
const isCjkCode = (c: number) => isHanCode(c) || isCjkPunctuationCode(c);
const isLatinCode = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;
const FULL_CODES: Record<number, string> = { 0x2c: '，', 0x3a: '：', 0x3b: '；', 0x3f: '？', 0x21: '！' };

/** Share of Chinese characters among the Chinese and Latin letters of a text (digits don't count). */
function chineseShare(s: string): number {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHanCode(c)) cjk++;
    else if (isLatinCode(c)) latin++;
  }
  return cjk + latin ? cjk / (cjk + latin) : 0;
}

/**
 * Half-width punctuation in Chinese context becomes full-width: `,` `:` `;` `?` `!` next to a
 * Chinese character — or anywhere in a mostly Chinese text, unless between two Latin letters
 * (code) — `(…)` around or after Chinese text, and a `.` that ends a Chinese sentence. ASCII
 * stays where it belongs: `1,980`, `10:30`, `8.44%`, `1.守初心`, URLs. Neighbours skip spaces;
 * they are looked up in arrays built in one pass each way, so a long run of spaces costs
 * linear time (looking them up per character was quadratic).
 */
export function fullWidthPunctuation(s: string): string {
  const chinese = chineseShare(s) > 0.5;
  return mapOutsideUrls(s, (t) => {
    const neighbours = spaceSkippingNeighbours(t);
    return convertPunctuation(t, pairedParentheses(t, neighbours.prev), neighbours, chinese);
  });
}

/** For each position, the nearest character before and after it that is not a space (-1: none). */
function spaceSkippingNeighbours(t: string): { prev: Int32Array; next: Int32Array } {
  const n = t.length;
  const prev = new Int32Array(n);
  const next = new Int32Array(n);
  for (let i = 0, last = -1; i < n; i++) {
    prev[i] = last;
    if (t.charCodeAt(i) !== 0x20) last = i;
  }
  for (let i = n - 1, last = -1; i >= 0; i--) {
    next[i] = last;
    if (t.charCodeAt(i) !== 0x20) last = i;
  }
  return { prev, next };
}

/**
 * Parentheses as pairs, so that `(2023-2025年)` and `(区教育局)` convert together: a pair that
 * holds a Han character or follows an ideograph is marked (1: （, 2: ）).
 */
function pairedParentheses(t: string, prev: Int32Array): Uint8Array {
  const n = t.length;
  const converted = new Uint8Array(n);
  const stack = new Int32Array(n);
  let depth = 0;
  const opens: number[] = [];
  const closes: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x28) stack[depth++] = i;
    else if (c === 0x29 && depth) {
      opens.push(stack[--depth]!);
      closes.push(i);
    }
  }
  if (!opens.length) return converted;
  const han = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) han[i + 1] = han[i]! + (isHanCode(t.charCodeAt(i)) ? 1 : 0);
  for (let k = 0; k < opens.length; k++) {
    const open = opens[k]!;
    const close = closes[k]!;
    const before = prev[open]!;
    if (han[close]! - han[open + 1]! > 0 || (before >= 0 && isHanCode(t.charCodeAt(before)))) {
      converted[open] = 1;
      converted[close] = 2;
    }
  }
  return converted;
}

/** The text with its marked parentheses and the half-width marks between CJK neighbours made full-width. */
function convertPunctuation(
  t: string,
  converted: Uint8Array,
  { prev, next }: { prev: Int32Array; next: Int32Array },
  chinese: boolean,
): string {
  // A converted parenthesis is CJK punctuation for its neighbours.
  const code = (j: number) =>
    j < 0 ? -1 : converted[j] === 1 ? 0xff08 : converted[j] === 2 ? 0xff09 : t.charCodeAt(j);
  const out: string[] = [];
  let from = 0;
  const put = (i: number, r: string) => {
    if (i > from) out.push(t.slice(from, i));
    out.push(r);
    from = i + 1;
  };
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (converted[i]) {
      put(i, converted[i] === 1 ? '（' : '）');
      continue;
    }
    const full = FULL_CODES[c];
    if (!full && c !== 0x2e) continue;
    const p = code(prev[i]!);
    const q = code(next[i]!);
    if (full) {
      if ((c === 0x2c || c === 0x3a) && isDigitCode(p) && isDigitCode(q)) continue;
      if (isCjkCode(p) || isCjkCode(q)) put(i, full);
      else if (
        chinese &&
        !(isLatinCode(p) && isLatinCode(q)) &&
        !(c === 0x3a && t.charCodeAt(i + 1) === 0x2f && t.charCodeAt(i + 2) === 0x2f)
      )
        put(i, full);
    } else if (isHanCode(p) && (q === -1 || isCjkCode(q))) put(i, '。');
  }
  if (!from) return t;
  out.push(t.slice(from));
  return out.join('');
}

/**
 * Straight double quotes in Chinese text become curly, alternating “ and ” in order of
 * appearance. `unbalanced` is set when the count is odd (an editor should check).
 */
export function curlyQuotes(s: string): { text: string; unbalanced: boolean } {
  let n = 0;
  const text = mapOutsideUrls(s, (t) => {
    if (!hasHan(s)) return t;
    return t.replace(/"/g, () => (n++ % 2 === 0 ? '“' : '”'));
  });
  return { text, unbalanced: n % 2 === 1 };
}

/**
 * Spaces in body text: none between Chinese characters, or between Chinese and a number,
 * `%` or a symbol (`1980 个` → `1980个`, `达 87%和` → `达87%和`); a single space is kept
 * between Latin words, and between Latin and Chinese (`Windows 系统`).
 */
export function tidySpaces(s: string): string {
  return mapOutsideUrls(s, (t) =>
    t.replace(/ {2,}/g, ' ').replace(/ /g, (sp, i: number, all: string) => {
      const p = all[i - 1];
      const n = all[i + 1];
      if (p === undefined || n === undefined) return '';
      if (isCjk(p) && !isLatin(n)) return '';
      if (isCjk(n) && !isLatin(p)) return '';
      return sp;
    }),
  ).trim();
}

/**
 * Spaces in a title or heading: the space between the two halves of a headline
 * (`守正拓新 答好育人“民生卷”`) is meaningful and kept (collapsed to one); spaces next to
 * numbers or CJK punctuation (other than quotes) are dropped.
 */
export function tidyHeadingSpaces(s: string): string {
  const keepNeighbour = (c: string | undefined) =>
    isHan(c) || c === '“' || c === '”' || c === '‘' || c === '’' || isLatin(c);
  return s
    .replace(/ {2,}/g, ' ')
    .replace(/ /g, (sp, i: number, all: string) =>
      keepNeighbour(all[i - 1]) && keepNeighbour(all[i + 1]) ? sp : isCjk(all[i - 1]) || isCjk(all[i + 1]) ? '' : sp,
    )
    .trim();
}

export interface CleanResult {
  text: string;
  /** Notes for the review report (e.g. odd number of quotes). */
  notes: string[];
}

/** Full cleaning of one body paragraph (after broken wraps have been joined). */
export function cleanParagraph(raw: string): CleanResult {
  const notes: string[] = [];
  const q = curlyQuotes(fullWidthPunctuation(raw));
  if (q.unbalanced) notes.push('odd number of straight quotes: check “…” pairs');
  return { text: tidySpaces(q.text), notes };
}

/** Full cleaning of a title or heading line. */
export function cleanHeading(raw: string): string {
  return tidyHeadingSpaces(curlyQuotes(fullWidthPunctuation(raw)).text);
}

/** A line that only stands for an image: `图片`, `[图片]`, `图`, `image`. */
export function isPlaceholder(line: string): boolean {
  return /^[[【(（]?\s*(图片|图像|照片|图|image|img|photo|picture)\s*\d*\s*[\]】)）]?$/i.test(line.trim());
}

/** Leftovers of an image link or file name: `.jpg)`, `![](…)`, `xxx.png`. */
export function isImageRef(line: string): boolean {
  const t = line.trim();
  // A lone `!` is what an exporter leaves of a Markdown image whose link it dropped.
  return /^!?\[[^\]]*\]\([^)]*\)$/.test(t) || /^\S*\.(jpe?g|png|gif|webp|bmp|svg)\)?$/i.test(t) || /^[!！]$/.test(t);
}

const CHROME_WORDS =
  /加入收藏|设为首页|联系站长|联系我们|网站地图|网站首页|返回首页|返回顶部|打印本页|关闭窗口|字号[:：]?\s*[【[]?大|分享到|扫一扫|版权所有|Copyright|ICP备|公网安备|上一篇|下一篇|浏览次数|阅读次数|点击数[:：]|当前位置[:：]|您现在的位置|旧版/gi;
const FOOTER_LINE =
  /^(本期送|送[:：]|发[:：]|报[:：]|抄送|抄报|分送|印发[:：]|责任编辑|编辑[:：]|审核[:：]|审校|校对[:：]|签发[:：]|核稿|联系电话|联系人[:：]|(共印|印)\s*\d+\s*份)/;
/** A page number printed by a PDF or a word processor: `— 1 —`, `- 2 -`, `第 3 页`, `3/10`. */
const PAGE_NUMBER =
  /^([-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
/** The print line of an official document (版记): `某省教育厅办公室 2025年4月16日印发`. */
const PRINTED_BY = /^\S.{1,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
const LINKS_LINE = /^(相关链接|相关阅读|相关新闻|相关文章|延伸阅读|推荐阅读|热点推荐)[:：]?$/;
/**
 * A labelled line an exporter or a site prints around an article (`发布时间：…`, `来源：…`,
 * `浏览次数：…`, a 北大法宝 header `【法宝引证码】… 原文链接：…`): metadata, never body text.
 */
const EXPORT_LABEL =
  /^(文章来源|信息来源|来源|出处|作者|编辑|责编|责任编辑|发布时间|发布日期|发布单位|更新时间|浏览次数|阅读次数|阅读量|点击数|访问量|原文链接|原文地址|本文链接)\s*[:：]|法宝引证码|^北大法宝/;

/**
 * Site chrome and distribution lists: navigation bars (`加入收藏 | 设为首页 …`), page footers,
 * “related links” headers, and a bulletin's routing block (`本期送:…`, `责任编辑: …`).
 * Returns a short kind, or undefined for text.
 */
export function chromeKind(line: string): 'site' | 'footer' | 'links' | 'label' | undefined {
  const t = line.trim();
  if (EXPORT_LABEL.test(t) && t.length <= 160 && !/[。！？]$/.test(t)) return 'label';
  const words = new Set(t.match(CHROME_WORDS) ?? []).size;
  const bars = t.match(/\|/g)?.length ?? 0;
  if (words >= 2 || (words === 1 && (bars >= 1 || t.length <= 12))) return 'site';
  if (bars >= 3 && t.length < 200) return 'site';
  if (LINKS_LINE.test(t)) return 'links';
  if (PAGE_NUMBER.test(t)) return 'footer';
  if ((FOOTER_LINE.test(t) || PRINTED_BY.test(t)) && t.length < 200) return 'footer';
  return undefined;
}

/**
 * A short opening sentence such as `形成多方育人合力。` or `优化学校布局。`: bulletins start
 * paragraphs with one, so a block that opens with one is a new paragraph, not a wrap.
 */
export function leadSentence(s: string): string | undefined {
  return /^([^，,。；;！!？?：:]{4,14})[。.]/.exec(s.trim())?.[1];
}

const NUMBERED =
  /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+[部分章节篇])/;

/** Starts with a heading number: `一、`, `（一）`, `1.`, `第二部分`. */
export function numberedPrefix(s: string): string | undefined {
  return NUMBERED.exec(s.trim())?.[1];
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** True when the segmenter finds a word running across the boundary (`成|功纳入`, `进一|步`). */
export function wordSpansBoundary(a: string, b: string): boolean {
  const left = a.slice(-4);
  const right = b.slice(0, 4);
  if (!isHan(left.at(-1)) || !isHan(right[0])) return false;
  // The segmenter is slow per call; a text repeats its boundaries (layout, lists), so remember them.
  const key = `${left}|${right}`;
  const known = spanCache.get(key);
  if (known !== undefined) return known;
  if (spanCache.size >= 4096) spanCache.clear();
  const spans = segmentSpans(left, right);
  spanCache.set(key, spans);
  return spans;
}

const spanCache = new Map<string, boolean>();

function segmentSpans(left: string, right: string): boolean {
  let at = 0;
  for (const seg of segmenter.segment(left + right)) {
    const end = at + seg.segment.length;
    if (at < left.length && end > left.length && seg.isWordLike) return true;
    at = end;
  }
  return false;
}

/**
 * Is block `b` the continuation of block `a` (a line wrap or column break in the source)?
 * Never after a finished sentence; always inside a word; otherwise unless `b` opens a new
 * paragraph (a heading number, `一是…`, or a short lead sentence).
 */
export function shouldJoin(a: string, b: string): boolean {
  if (endsSentence(a)) return false;
  const tail = a.slice(-64).trim();
  if (wordSpansBoundary(tail, b.trim())) return true;
  // A number and its unit split apart: `2000 余` | `个“三保”岗位`.
  if (/\d\s*[余多]?$/.test(tail) && /^[个所名人万亿元%项家次门节场间班套台亩条支批篇部倍]/.test(b.trim())) return true;
  if (numberedPrefix(b) || /^[一二三四五六七八九十]+是/.test(b.trim())) return false;
  // A piece that stops at a comma always goes on, even into a short sentence.
  if (/[，、,]$/.test(tail)) return true;
  if (leadSentence(b)) return false;
  return true;
}

/** Joins two wrapped pieces: no space next to Chinese, one space between Latin words. */
export function joinText(a: string, b: string): string {
  const l = a.trimEnd();
  const r = b.trimStart();
  return isCjk(l.at(-1)) || isCjk(r[0]) || isDigit(l.at(-1)) || isDigit(r[0]) ? l + r : `${l} ${r}`;
}

export interface Duplicate {
  /** Index of the dropped paragraph. */
  index: number;
  /** Index of the paragraph that contains all of its text. */
  keptIn: number;
  kind: 'repeat' | 'fragment';
}

/** Minimum length (characters) of an exact repeat that is dropped. @default 8 */
export const MIN_REPEAT = 8;
/**
 * Minimum length of a fragment (a piece of another paragraph) that is dropped; an unfinished
 * piece (no sentence end) only needs `MIN_REPEAT`. @default 20
 */
export const MIN_FRAGMENT = 20;
/** Paragraphs checked as the possible holder of one fragment (a bound on the work). */
const MAX_CANDIDATES = 64;

/**
 * Paragraphs repeated by the page layout: an exact repeat of an earlier paragraph, or a
 * fragment whose whole text is inside another paragraph (a column that restarts
 * mid-sentence). Nothing is lost: a paragraph is only dropped when another one that is
 * kept contains every character of it. A paragraph that differs is always kept.
 */
export function dedupeParagraphs(paragraphs: readonly string[]): Duplicate[] {
  const keys = paragraphs.map((s) => s.replace(/\s+/g, ''));
  const result: Duplicate[] = [];
  const dropped = new Set<number>();
  // Exact repeats: the first occurrence keeps the text.
  const firstOf = new Map<string, number>();
  keys.forEach((k, i) => {
    const first = firstOf.get(k);
    if (first === undefined) firstOf.set(k, i);
    else if (k.length >= MIN_REPEAT) {
      dropped.add(i);
      result.push({ index: i, keptIn: first, kind: 'repeat' });
    }
  });
  // Fragments: a paragraph inside a longer one. Candidates are found through the fragment's
  // first characters (an index over the text, built in one pass), so the work stays linear
  // in the text instead of comparing every pair of paragraphs.
  const isFragment = (i: number) => {
    const k = keys[i]!;
    return k.length >= MIN_FRAGMENT || (k.length >= MIN_REPEAT && !endsSentence(paragraphs[i]!));
  };
  const probes = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (!dropped.has(i) && isFragment(i)) probes.set(k.slice(0, MIN_REPEAT), []);
  });
  if (probes.size) {
    keys.forEach((k, j) => {
      if (dropped.has(j)) return;
      const seen = new Set<string>();
      for (let at = 0; at + MIN_REPEAT <= k.length; at++) {
        const gram = k.slice(at, at + MIN_REPEAT);
        const holders = probes.get(gram);
        if (holders && !seen.has(gram) && holders.length < MAX_CANDIDATES) {
          seen.add(gram);
          holders.push(j);
        }
      }
    });
  }
  // Longest first, so that a fragment is attributed to the paragraph that contains it.
  const order = keys
    .map((_, i) => i)
    .filter((i) => !dropped.has(i) && isFragment(i))
    .sort((a, b) => keys[b]!.length - keys[a]!.length || a - b);
  for (const i of order) {
    const k = keys[i]!;
    const holders = (probes.get(k.slice(0, MIN_REPEAT)) ?? []).filter(
      (j) => j !== i && !dropped.has(j) && keys[j]!.length > k.length,
    );
    const j = holders.sort((a, b) => keys[b]!.length - keys[a]!.length || a - b).find((h) => keys[h]!.includes(k));
    if (j === undefined) continue;
    dropped.add(i);
    result.push({ index: i, keptIn: j, kind: 'fragment' });
  }
  return result.sort((a, b) => a.index - b.index);
}
