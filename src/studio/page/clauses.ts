/**
 * Finds where each clause of a pack's index starts in the document's text, by the document's own
 * numbering (`二、` → `(二)` → `3.`), so the studio can show the text clause by clause. A clause
 * whose number cannot be found is reported as not located, never placed by guess.
 */
import type { Pack } from "../../core.js";

const NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

type Token = { kind: "annex"; n: string } | { kind: "preamble" } | { kind: "notice" } | { kind: "article"; n: string } | { kind: "closing" } | { kind: "section"; n: string } | { kind: "item"; n: string } | { kind: "point"; n: string };

/** Splits a clause id such as `附件1第五条(一)2`, `二(二)3`, `四.1`, `附件2序言` into numbering tokens. */
export function clauseTokens(id: string): Token[] | null {
  const out: Token[] = [];
  let s = id;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(s);
    if (m) s = s.slice(m[0].length);
    return m;
  };
  let m: RegExpExecArray | null;
  if ((m = take(/^附件(\d+)/))) out.push({ kind: "annex", n: m[1]! });
  if (take(/^序言/)) out.push({ kind: "preamble" });
  else if (take(/^通知/)) out.push({ kind: "notice" });
  else if (take(/^附则/)) out.push({ kind: "closing" });
  else if ((m = take(/^第([一二三四五六七八九十]+)条/))) out.push({ kind: "article", n: m[1]! });
  else if ((m = take(/^([一二三四五六七八九十]+)/))) out.push({ kind: "section", n: m[1]! });
  if ((m = take(/^[（(]([一二三四五六七八九十]+)[)）]/))) out.push({ kind: "item", n: m[1]! });
  if ((m = take(/^\.?(\d+)/))) out.push({ kind: "point", n: m[1]! });
  return s === "" && out.length ? out : null;
}

/** Where the token's text starts, searching from `from` (and before `to`); -1 when absent. */
function find(text: string, t: Token, from: number, to: number): number {
  const scope = text.slice(from, to);
  const at = (re: RegExp): number => {
    const m = re.exec(scope);
    return m ? from + m.index + (m[0].length - m[0].trimStart().length) : -1;
  };
  switch (t.kind) {
    case "notice":
      return from + (scope.length - scope.trimStart().length);
    case "annex":
      return at(new RegExp(`(?:^|\\n)[ \\t\\u3000]*附件\\s*${t.n}[ \\t\\u3000]*(?=\\n)`));
    case "article":
      return at(new RegExp(`(?:^|\\n)[ \\t\\u3000]*第${t.n}条`));
    case "closing":
      return at(/(?:^|\n)[ \t\u3000]*(?:[一二三四五六七八九十]+、)?附则/);
    case "preamble":
      // The preamble is the first paragraph saying why the document is made ("为……").
      return at(/(?:^|\n)[ \t\u3000]*为/);
    case "section":
      return at(new RegExp(`(?:^|\\n)[ \\t\\u3000]*${t.n}、`));
    case "item":
      return at(new RegExp(`(?:^|\\n)[ \\t\\u3000]*[（(]${t.n}[)）]`));
    case "point": {
      const line = at(new RegExp(`(?:^|\\n)[ \\t\\u3000]*${t.n}[.．、]`));
      if (line >= 0) return line;
      // Points written inside a paragraph: 一是……二是…… (the pack numbers them 1, 2, 3).
      const zh = NUMERALS[Number(t.n)];
      if (!zh) return -1;
      const i = scope.indexOf(`${zh}是`);
      return i >= 0 ? from + i : -1;
    }
  }
}

/**
 * The start of each clause in the text (null: not located). Ids are taken in the pack's order. A
 * clause without a number of its own (a closing paragraph, a misnumbered article) is found by the
 * paragraph holding a quote that cites it.
 */
export function locateClauses(text: string, ids: readonly string[], quotes: readonly { clause: string; quote: string }[] = []): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const id of ids) {
    const tokens = clauseTokens(id);
    if (!tokens) {
      out.set(id, null);
      continue;
    }
    let from = 0;
    let to = text.length;
    let pos = -1;
    for (const [i, t] of tokens.entries()) {
      pos = find(text, t, from, to);
      if (pos < 0) break;
      // A child is looked for inside its parent: up to the parent's next sibling.
      from = pos + 1;
      const next = tokens[i + 1] ? siblingAfter(text, t, from) : -1;
      if (next >= 0) to = Math.min(to, next);
    }
    if (pos < 0) {
      const q = quotes.find((x) => x.clause === id && x.quote && text.includes(x.quote));
      if (q) {
        const i = text.indexOf(q.quote);
        pos = text.lastIndexOf("\n", i) + 1;
      }
    }
    out.set(id, pos >= 0 ? pos : null);
  }
  return out;
}

/** Where the next token of the same level as `t` starts after `from` (-1: none). */
function siblingAfter(text: string, t: Token, from: number): number {
  const re =
    t.kind === "section" ? /\n[ \t\u3000]*[一二三四五六七八九十]+、/ :
    t.kind === "item" ? /\n[ \t\u3000]*[（(][一二三四五六七八九十]+[)）]|\n[ \t\u3000]*[一二三四五六七八九十]+、/ :
    t.kind === "annex" ? /\n[ \t\u3000]*附件\s*\d+[ \t\u3000]*\n/ :
    t.kind === "article" ? /\n[ \t\u3000]*第[一二三四五六七八九十]+条|\n[ \t\u3000]*附件\s*\d+[ \t\u3000]*\n/ :
    null;
  if (!re) return -1;
  const m = re.exec(text.slice(from));
  return m ? from + m.index + 1 : -1;
}

/** One piece of the document: its text, its clause (null before the first), and the quotes over it. */
export interface DocPiece {
  text: string;
  clause: string | null;
  quotes: string[];
}

/**
 * Cuts the text at clause starts and at the quotes that sources cite, so each piece belongs to
 * one clause and is either quoted by some source or not.
 */
export function documentPieces(text: string, starts: ReadonlyMap<string, number | null>, quotes: readonly { clause: string; quote: string }[]): DocPiece[] {
  const located = [...starts].filter((e): e is [string, number] => e[1] !== null).sort((a, b) => a[1] - b[1]);
  const ranges: { a: number; b: number; clause: string }[] = [];
  for (const q of quotes) {
    if (!q.quote) continue;
    // The occurrence inside the cited clause when there is one, else the first.
    const start = starts.get(q.clause) ?? 0;
    let i = text.indexOf(q.quote, start);
    if (i < 0) i = text.indexOf(q.quote);
    if (i >= 0) ranges.push({ a: i, b: i + q.quote.length, clause: q.clause });
  }
  const cuts = new Set<number>([0, text.length]);
  for (const [, p] of located) cuts.add(p);
  for (const r of ranges) cuts.add(r.a).add(r.b);
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: DocPiece[] = [];
  let ci = -1;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!;
    const b = points[k + 1]!;
    while (ci + 1 < located.length && located[ci + 1]![1] <= a) ci++;
    const qs = [...new Set(ranges.filter((r) => r.a <= a && r.b >= b).map((r) => r.clause))];
    pieces.push({ text: text.slice(a, b), clause: ci >= 0 ? located[ci]![0] : null, quotes: qs });
  }
  return pieces;
}

/** The clause ids a test's name cites: its closing parenthesis, e.g. "…（二(二)4）." → ["二(二)4"]. */
export function citedByName(name: string, ids: readonly string[]): string[] {
  const m = /[（(]([^（()）]*(?:[（(][^（()）]*[)）][^（()）]*)*)[)）][.。]?\s*$/.exec(name);
  if (!m) return [];
  return m[1]!
    .split(/[,，、;；]\s*|\s+and\s+/)
    .map((s) => s.trim())
    .filter((s) => ids.includes(s));
}

/** Every `{clause, quote}` a pack's documents hold (rules, duties, facts, lookups…). */
export function sourceQuotes(pack: Pack): { clause: string; quote: string }[] {
  const out: { clause: string; quote: string }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.clause === "string" && typeof o.quote === "string") out.push({ clause: o.clause, quote: o.quote });
      Object.values(o).forEach(walk);
    }
  };
  walk(pack.docs);
  return out;
}
