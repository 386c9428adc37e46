/**
 * Numbers that still match their quote: a rule says `workingDays: 5` and quotes "5个工作日内"; when
 * one of the two is edited and the other is not, `validate` warns (QUOTE_NUMBER_MISMATCH). Quotes
 * write numbers in Arabic digits or Chinese numerals (五/5, 十五/15, 两/2), with 万/亿 as multipliers
 * (5亿元 = 500000000) and % for fractions (10% = 0.1).
 */

const DIGIT: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** The value of a run of Chinese numerals (一百二十, 十五, 两, 五万); NaN when it is not one. */
export function chineseNumeral(run: string): number {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of run) {
    if (ch in DIGIT) {
      digit = DIGIT[ch]!;
    } else if (ch in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[ch]!;
      digit = null;
    } else if (ch in BIG_UNIT) {
      total = (total + section + (digit ?? 0)) * BIG_UNIT[ch]!;
      section = 0;
      digit = null;
    } else return Number.NaN;
  }
  return total + section + (digit ?? 0);
}

const RUN = /[零〇一二两三四五六七八九十百千万亿]+/gu;
const ARABIC = /(\d+(?:\.\d+)?)\s*(%|％|万|亿)?/gu;

/** Every number a quote writes, in the forms a rule may use (5亿 gives 5 and 500000000; 10% gives 10 and 0.1). */
export function numbersIn(quote: string): Set<number> {
  const out = new Set<number>();
  for (const m of quote.matchAll(ARABIC)) {
    const n = Number(m[1]);
    out.add(n);
    const suffix = m[2];
    if (suffix === "%" || suffix === "％") out.add(round(n / 100));
    else if (suffix) out.add(round(n * BIG_UNIT[suffix]!));
  }
  for (const m of quote.matchAll(RUN)) {
    const v = chineseNumeral(m[0]);
    if (Number.isFinite(v)) out.add(v);
    // A run like 一一 or 五六 is not one number: each of its digits is also read alone.
    for (const ch of m[0]) if (ch in DIGIT) out.add(DIGIT[ch]!);
  }
  return out;
}

/** Rounds away binary noise from a scaling (0.1 * 3 and the like) so set lookups compare equal. */
function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** True when `n` is written in `quote` in one of the forms {@link numbersIn} reads. */
export function quoteHas(quote: string, n: number): boolean {
  const nums = numbersIn(quote);
  return nums.has(round(n)) || (n > 0 && n < 1 && nums.has(round(n * 100)));
}
