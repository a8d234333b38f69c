/**
 * A synthetic casebook for benchmarks: N valid case files recombined from the sentences and
 * headings of the real cases, spread over many regions, years, measures and sources. Pure:
 * the caller reads the real content and writes the result (see ./site.ts), tests call it directly.
 */

export interface CorpusInput {
  /** Bodies (MDX source under the front matter) of the real cases. */
  bodies: string[];
  /** Measures with the terms that signal them (name first, then aliases). */
  measures: { id: string; terms: string[] }[];
  /** Regions the cases may belong to: code and name (county, district or city). */
  regions: { code: string; name: string }[];
  /** Existing seed files (`seeds/<name>`) the synthetic sources point at. */
  seedFiles: string[];
}

export interface CorpusOptions {
  cases: number;
  /** @default 1 */
  seed?: number;
  /** Cases per synthetic source (bulletin). @default 4 */
  casesPerSource?: number;
}

export interface CorpusFile {
  /** Path relative to the site root, e.g. content/cases/bench-00001.mdx. */
  path: string;
  text: string;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** Sentences (ending in 。！？；) and headings of the real bodies, without MDX escapes or markup. */
export function sentencePool(bodies: readonly string[]): { sentences: string[]; headings: string[] } {
  const sentences = new Set<string>();
  const headings = new Set<string>();
  for (const body of bodies) {
    for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
      const raw = chunk.trim().replace(/\s*\n\s*/g, '');
      if (!raw || /[\\{}<>*_`|[\]]/.test(raw)) continue;
      const h = /^#{2,3}\s+(.*)$/.exec(raw);
      if (h) {
        // Drop the 一、/（一） numbering: the generator numbers its own headings.
        const text = h[1]!.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, '').trim();
        if (text.length >= 4) headings.add(text);
        continue;
      }
      for (const s of raw.match(/[^。！？；]+[。！？；]?/g) ?? []) if (s.length >= 12) sentences.add(s);
    }
  }
  return { sentences: [...sentences], headings: [...headings] };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];
/** A number followed by a unit, not part of a larger number: the figure candidates of a sentence. */
const FIGURE = /(?<![\d.,])(\d+(?:\.\d+)?)(%|个|所|名|人|项|万人|亿元|万元|座|间|家|支|节|场)/g;

/** Replaces every number in a sentence with a random one of similar size (varies the index vocabulary). */
function varyNumbers(r: Rand, s: string): string {
  return s.replace(/(?<![\d.,])\d+(?:\.\d+)?(?![\d,])/g, (n) => {
    if (/^(19|20)\d\d$/.test(n)) return String(int(r, 2015, 2025)); // years stay years
    if (n.includes('.')) return (r() * Number(n) * 2 + 0.01).toFixed(n.split('.')[1]!.length);
    const v = Number(n);
    return String(v < 10 ? int(r, 1, 9) : int(r, Math.ceil(v / 2), v * 2));
  });
}

const yamlString = (s: string) => JSON.stringify(s); // JSON strings are valid YAML scalars

export function generateCorpus(input: CorpusInput, options: CorpusOptions): CorpusFile[] {
  const { cases, seed = 1, casesPerSource = 4 } = options;
  const r = rng(seed);
  const { sentences, headings } = sentencePool(input.bodies);
  if (!sentences.length || !input.regions.length || !input.measures.length || !input.seedFiles.length) {
    throw new Error('generateCorpus needs sentences, regions, measures and seed files');
  }
  const files: CorpusFile[] = [];
  const sourceCount = Math.max(1, Math.ceil(cases / casesPerSource));
  const sourceYear: number[] = [];
  for (let s = 0; s < sourceCount; s++) {
    const year = int(r, 2016, 2025);
    sourceYear.push(year);
    const region = pick(r, input.regions);
    files.push({
      path: `content/sources/bench-src-${String(s + 1).padStart(5, '0')}.yaml`,
      text: [
        `title: ${yamlString(`${region.name}教育工作简报（${year}年第${int(r, 1, 60)}期）`)}`,
        `publication: ${yamlString(`${region.name}教育简报`)}`,
        `issue: ${yamlString(`第${int(r, 1, 60)}期`)}`,
        `date: "${year}"`,
        'kind: 简报',
        `file: ${pick(r, input.seedFiles)}`,
        `summary: ${yamlString(`合成的基准测试简报，汇编${region.name}等地教育改革稿件。`)}`,
        '',
      ].join('\n'),
    });
  }

  for (let i = 0; i < cases; i++) {
    const region = pick(r, input.regions);
    const sourceIndex = Math.floor(i / casesPerSource) % sourceCount;
    const year = sourceYear[sourceIndex]!;
    const precision = r();
    const month = String(int(r, 1, 12)).padStart(2, '0');
    const date =
      precision < 0.3
        ? `${year}`
        : precision < 0.6
          ? `${year}-${month}`
          : `${year}-${month}-${String(int(r, 1, 28)).padStart(2, '0')}`;

    // Body: 2–4 sections of 2–4 paragraphs of 3–7 sentences, plus an opening paragraph.
    const para = () => Array.from({ length: int(r, 3, 7) }, () => varyNumbers(r, pick(r, sentences))).join('');
    const blocks: string[] = [para()];
    const sections = int(r, 2, 4);
    for (let h = 0; h < sections; h++) {
      blocks.push(`## ${NUMERALS[h]}、${pick(r, headings.length ? headings : ['工作举措'])}`);
      for (let p = int(r, 2, 4); p > 0; p--) blocks.push(para());
    }
    const paragraphs = blocks.filter((b) => !b.startsWith('#'));
    const text = blocks.join('\n\n');

    // Measures: those whose terms the text uses (most mentioned first), else one at random.
    const mentioned = input.measures
      .map((m) => ({ id: m.id, n: m.terms.reduce((n, t) => n + text.split(t).length - 1, 0) }))
      .filter((m) => m.n > 0)
      .sort((a, b) => b.n - a.n)
      .slice(0, int(r, 2, 8))
      .map((m) => m.id);
    const measures = mentioned.length ? mentioned : [pick(r, input.measures).id];

    // Figures: up to 6 number+unit phrases, each quoted with a few characters of context.
    const figures: string[] = [];
    const seen = new Set<string>();
    for (const p of paragraphs) {
      for (const m of p.matchAll(FIGURE)) {
        if (figures.length >= 6) break;
        const start = Math.max(0, m.index! - int(r, 3, 8));
        const quote = p.slice(start, m.index! + m[0].length).replace(/^[，。、；：“”（）\s]+/, '');
        if (quote.length < 2 || seen.has(quote) || /[“”"]/.test(quote)) continue;
        seen.add(quote);
        const label = quote.slice(0, quote.length - m[0].length).replace(/[，。、；：\d.%]+$/g, '') || '数量';
        const lines = [
          `  - label: ${yamlString(label)}`,
          `    value: ${Number(m[1])}`,
          `    unit: ${yamlString(m[2]!)}`,
          ...(r() < 0.6 ? [`    measure: ${pick(r, measures)}`] : []),
          `    quote: ${yamlString(quote)}`,
          // The schema requires a kind; a synthetic figure states an achievement.
          `    kind: result`,
        ];
        figures.push(lines.join('\n'));
      }
    }

    const first = paragraphs[0]!.match(/[^。！？；]+[。！？；]?/g)!;
    let summary = `${region.name}教育局：${first[0]}`;
    if (summary.length < 10) summary += '推进基础教育改革。';
    summary = summary.slice(0, 290);
    const measureName = (id: string) => input.measures.find((m) => m.id === id)!.terms[0]!;
    const title = `${region.name}推进${measures.slice(0, 2).map(measureName).join('和')}（${year}）`;

    files.push({
      path: `content/cases/bench-${String(i + 1).padStart(5, '0')}.mdx`,
      text: [
        '---',
        `title: ${yamlString(title)}`,
        `summary: ${yamlString(summary)}`,
        `region: "${region.code}"`,
        `body: ${yamlString(`${region.name}教育局`)}`,
        `date: "${date}"`,
        `source: bench-src-${String(sourceIndex + 1).padStart(5, '0')}`,
        `measures: [${measures.join(', ')}]`,
        ...(figures.length ? ['figures:', ...figures] : ['figures: []']),
        '---',
        '',
        text,
        '',
      ].join('\n'),
    });
  }
  return files;
}
