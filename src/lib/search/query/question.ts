/**
 * Questions as people type them: 哪些地方做了县管校聘改革？ 郑州怎么做课后服务的。
 * Question and filler words (哪些, 地方, 怎么, 如何, 做了, 有没有, 案例, 的, 吗 …) are
 * dropped and the runs of words between them are the terms searched (all of them: AND):
 * 县管校聘; 郑州 课后服务. A query without a question or filler word is left alone, so a
 * term that happens to contain one (目的, 地方财政) is never cut, and a filler word that is
 * part of a known term (`isTerm`: 教育评价 + 改革 → 教育评价改革) stays in it.
 *
 * Words come from a segmenter (Intl.Segmenter, word granularity, in the browser and at
 * build time); a filler word only counts when the segmenter sees it as a word of its own.
 */

/** Words that ask (a query holding one of these is a question). */
const QUESTION = [
  '哪些',
  '哪个',
  '哪里',
  '哪儿',
  '哪',
  '怎么',
  '怎么样',
  '怎样',
  '如何',
  '什么',
  '是否',
  '有没有',
  '有无',
  '没有',
  '吗',
  '呢',
  '么',
  '多少',
  '几个',
  '为什么',
  '为何',
  '请问',
];

/** Words that carry no search term in a question (dropped only when the query is a question). */
const FILLER = [
  '地方',
  '地区',
  '城市',
  '做了',
  '做',
  '搞',
  '搞了',
  '开展',
  '开展了',
  '实施',
  '实施了',
  '推进',
  '推行',
  '有',
  '的',
  '了',
  '过',
  '在',
  '和',
  '与',
  '及',
  '或',
  '是',
  '都',
  '也',
  '还',
  '案例',
  '经验',
  '做法',
  '情况',
  '举措',
  '措施',
  '政策',
  '改革',
  '工作',
  '一下',
  '相关',
  '关于',
  '我',
  '我们',
  '想',
  '想要',
  '要',
  '看',
  '看看',
  '找',
  '查',
  '查找',
  '了解',
  '介绍',
  '一些',
  '哪些地方',
];

const QUESTION_SET = new Set(QUESTION);
const DROP = new Set([...QUESTION, ...FILLER]);
const PUNCTUATION = /^[\s\p{P}\p{S}]+$/u;

export interface StrippedQuestion {
  /** The terms to search (runs of kept words). */
  terms: string[];
  /** The words dropped, in order, without repeats. */
  dropped: string[];
}

/**
 * The terms of a question, or undefined when `query` is not one (no question or filler word
 * besides its terms, or nothing would be left).
 */
export function stripQuestion(
  query: string,
  segment: (text: string) => Iterable<string>,
  isTerm: (text: string) => boolean = () => false,
): StrippedQuestion | undefined {
  const terms: string[] = [];
  const dropped: string[] = [];
  let run = '';
  let asks = /[?？]/.test(query);
  const flush = () => {
    if (run) terms.push(run);
    run = '';
  };
  for (const chunk of query.split(/\s+/)) {
    for (const word of segment(chunk)) {
      if (PUNCTUATION.test(word)) {
        flush();
        continue;
      }
      if (DROP.has(word) && !(run && !QUESTION_SET.has(word) && isTerm(run + word))) {
        if (QUESTION_SET.has(word)) asks = true;
        if (!dropped.includes(word)) dropped.push(word);
        flush();
        continue;
      }
      run += word;
    }
    flush();
  }
  // Only a question (or a sentence of several clauses) is rewritten; and something must be left.
  const clauses = query.split(/[，,。；;！!？?、]/).filter((c) => c.trim()).length;
  if (!terms.length || !dropped.length || (!asks && clauses < 2)) return undefined;
  return { terms: [...new Set(terms)], dropped };
}

/** The segmenter used by the search (Chinese words). */
export function chineseSegmenter(): (text: string) => Iterable<string> {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return function* (text: string) {
    for (const s of segmenter.segment(text)) yield s.segment;
  };
}
