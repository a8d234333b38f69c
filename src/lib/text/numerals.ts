/**
 * Numbers as Chinese texts write them, read one way for the whole casebook: the ingest CLI
 * finds figures with it and the build checks every figure's quote with it. Arabic digits
 * (half- or full-width, `1,980`, `8.44`), Chinese numerals (`六`, `三十`, `一万二千`, `两`,
 * `二〇二三`, `三点五`, financial `贰`), percentages (`80%`, `80％`, `百分之八十`), and a
 * magnitude after the number (`4.34万`, `三十萬`) kept apart, as in `4.34万个` → 4.34 and `万个`.
 */

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const NUMERAL_CHARS = `${Object.keys(DIGIT).join('')}${Object.keys(SMALL).join('')}${Object.keys(BIG).join('')}`;
const NUMERAL_RUN = new RegExp(
  `[${NUMERAL_CHARS}]+(?:点[${Object.keys(DIGIT).join('')}]+(?:万亿|萬億|万|萬|亿|億)?)?`,
  'gu',
);
const ARABIC = /[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?/g;

const toAscii = (s: string) =>
  s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, '');

/** The value of an integer written with units (三十, 一百零五, 一万二千) or digit by digit (二〇二三). */
function integerValue(s: string): number | undefined {
  if (!s) return undefined;
  if ([...s].every((c) => c in DIGIT)) {
    // Digit by digit (二〇二三) — but a lone 两 or a run of several digits only.
    return s.length === 1 || !s.includes('两') ? Number([...s].map((c) => DIGIT[c]).join('')) : undefined;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in DIGIT) {
      if (digit && DIGIT[c]) return undefined; // 三四十: a range, not a number
      digit = DIGIT[c];
    } else if (c in SMALL) {
      section += (digit ?? 1) * SMALL[c]!;
      digit = undefined;
    } else if (c in BIG) {
      total = (total + section + (digit ?? 0)) * BIG[c]!;
      if (total === 0) return undefined;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** The value of a Chinese numeral (三十, 三点五, 二〇二三), or undefined when it is not one. */
export function chineseNumberValue(s: string): number | undefined {
  const [whole, fraction] = s.split('点');
  const int = integerValue(whole!);
  if (int === undefined || fraction === undefined) return int;
  if (![...fraction].every((c) => c in DIGIT)) return undefined;
  return Number(`${int}.${[...fraction].map((c) => DIGIT[c]).join('')}`);
}

export interface NumberToken {
  /** Offsets of the number as written (without a magnitude after it). */
  start: number;
  end: number;
  value: number;
  /** `万`, `亿`, `万亿` (or 萬/億) right after the number: part of the unit, as printed. */
  magnitude: string;
  /** A percentage: `80%`, `80％` or `百分之八十` (then `start` is at 百). */
  percent: boolean;
  /** Written in Chinese numerals. */
  chinese: boolean;
  /** An ordinal (第三, 第3): not a quantity. */
  ordinal: boolean;
}

const MAGNITUDE = /^(万亿|萬億|万|萬|亿|億)/;

/** Every number in a text, in order. */
export function numbersIn(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const start = m.index;
    const end = start + m[0].length;
    // Part of a longer run of letters and digits (an ID, a URL piece) is not a number.
    if (/[A-Za-z_]/.test(text[start - 1] ?? '') || /[A-Za-z_]/.test(text[end] ?? '')) continue;
    const value = Number(toAscii(m[0]));
    if (!Number.isFinite(value)) continue;
    const after = text.slice(end);
    out.push({
      start,
      end,
      value,
      magnitude: MAGNITUDE.exec(after)?.[0] ?? '',
      percent: /^[%％]/.test(after),
      chinese: false,
      ordinal: text[start - 1] === '第',
    });
  }
  for (const m of text.matchAll(NUMERAL_RUN)) {
    // The 百 of 百分之 and the denominator of 三分之一 are not numbers of their own.
    if (text.startsWith('分之', m.index + m[0].length)) continue;
    out.push(...chineseTokens(text, m.index, m[0]));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The number(s) of one run of numeral characters: a trailing magnitude is split off. */
function chineseTokens(text: string, at: number, run: string): NumberToken[] {
  const percent = text.slice(Math.max(0, at - 3), at) === '百分之';
  const trailing = /(万亿|萬億|万|萬|亿|億)$/.exec(run)?.[0] ?? '';
  let body = run.slice(0, run.length - trailing.length);
  let magnitude = trailing;
  // 万 alone (千万, 万一) or a magnitude with nothing before it is a word, not a number.
  if (!body) return [];
  let value = chineseNumberValue(body);
  if (value === undefined && trailing) {
    body = run;
    magnitude = '';
    value = chineseNumberValue(run);
  }
  if (value === undefined) return [];
  return [
    {
      start: percent ? at - 3 : at,
      end: at + body.length,
      value,
      magnitude,
      percent,
      chinese: true,
      ordinal: text[at - 1] === '第',
    },
  ];
}

/** A date written in Chinese numerals (`二〇一六年七月十一日`), as YYYY-MM-DD. */
export function chineseDate(text: string): { date: string; text: string } | undefined {
  const m = new RegExp(`([${NUMERAL_CHARS}]{4})年([${NUMERAL_CHARS}]{1,3})月([${NUMERAL_CHARS}]{1,3})日`, 'u').exec(
    text,
  );
  if (!m) return undefined;
  const [y, mo, d] = [integerValue(m[1]!), integerValue(m[2]!), integerValue(m[3]!)];
  if (y === undefined || mo === undefined || d === undefined || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return { date: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, text: m[0] };
}
