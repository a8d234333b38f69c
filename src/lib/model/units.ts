/**
 * Units as Chinese texts state them (31.92万个, 145.56亿元, 3.5万人次, 38.48%) reduced to a base
 * unit, so that figures of one metric compare like with like: 31.92万个 → 319200 个,
 * 145.56亿元 → 14556000000 元. A unit is an optional magnitude (十/百/千/万/十万/百万/千万/亿/万亿)
 * followed by a counter (个, 所, 元, 人次 …); 名 and 位 count people and become 人.
 */

const MAGNITUDES: [prefix: string, exponent: number][] = [
  // Longest first, so 万亿 is not read as 万 + 亿元. Traditional texts print 萬 and 億.
  ['万亿', 12],
  ['萬億', 12],
  ['億', 8],
  ['萬', 4],
  ['千万', 7],
  ['百万', 6],
  ['十万', 5],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['百', 2],
];

/** Counters that name the same thing: the base unit is the right-hand side. */
const SYNONYMS: Record<string, string> = {
  名: '人',
  位: '人',
  个百分点: '百分点',
  // Counters as traditional texts print them.
  個: '个',
  個百分點: '百分点',
  間: '间',
  項: '项',
  場: '场',
  門: '门',
  節: '节',
  張: '张',
  條: '条',
  課時: '课时',
  學時: '学时',
  分鐘: '分钟',
  萬元: '万元',
};

export interface BaseValue {
  /** The value in the base unit, e.g. 319200. */
  value: number;
  /** The base unit, e.g. 个; '' when the text gives only a magnitude (14.81亿). */
  unit: string;
}

/**
 * Multiplies by 10^exponent without binary rounding (31.92 × 10⁴ is 319200, not 319199.99999999997):
 * the shift happens on the decimal notation.
 */
function shiftDecimal(value: number, exponent: number): number {
  if (exponent === 0) return value;
  const [mantissa, exp = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exp) + exponent}`);
}

/** The magnitude prefix and counter of a unit as stated; '亿元' → { exponent: 8, counter: '元' }. */
export function splitUnit(unit: string): { exponent: number; counter: string } {
  const u = unit.trim();
  // A counter that itself starts with a magnitude character (百分点) is not a magnitude.
  if (SYNONYMS[u] !== undefined || u === '百分点') return { exponent: 0, counter: SYNONYMS[u] ?? u };
  for (const [prefix, exponent] of MAGNITUDES) {
    if (u.startsWith(prefix)) {
      const rest = u.slice(prefix.length);
      return { exponent, counter: SYNONYMS[rest] ?? rest };
    }
  }
  return { exponent: 0, counter: SYNONYMS[u] ?? u };
}

/** The value in its base unit. Returns undefined when the result is not a finite number. */
export function toBase(value: number, unit: string): BaseValue | undefined {
  if (!Number.isFinite(value)) return undefined;
  const { exponent, counter } = splitUnit(unit);
  const base = shiftDecimal(value, exponent);
  return Number.isFinite(base) ? { value: base, unit: counter } : undefined;
}
