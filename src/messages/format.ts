/** Renders a problem as a sentence in one language, from its code, params and place. */
import type { Place, Problem, ProblemCode, ProblemParams } from "../problem.js";
import { en } from "./en.js";
import type { Catalog, Lang, Sentence } from "./types.js";
import { zh } from "./zh.js";

const CATALOGS: Readonly<Record<Lang, Catalog>> = { zh, en };

/**
 * The sentence of a problem in `lang`. English keeps the sentence written where the problem was
 * found (it can name more than the params); Chinese, and English for a problem without one, come
 * from the catalog, so the sentence depends only on code, params and place.
 */
export function sentenceOf(p: Problem, lang: Lang): string {
  if (lang === "en" && typeof p.message === "string" && p.message !== "") return p.message;
  const write = CATALOGS[lang][p.code] as Sentence<ProblemCode> | undefined;
  if (!write) return typeof p.message === "string" ? p.message : p.code;
  return write(p.params as ProblemParams[ProblemCode], p);
}

/** The place of a problem: `file:line:col` in English, 「file 第14行第5列」 in Chinese. */
export function placeOf(p: Place, lang: Lang): string {
  if (lang === "zh") {
    if (!p.file) return "";
    return `${p.file}${p.line ? ` 第${p.line}行` : ""}${p.line && p.col ? `第${p.col}列` : ""}`;
  }
  return p.file ? `${p.file}${p.line ? `:${p.line}` : ""}${p.col ? `:${p.col}` : ""}` : p.path ?? "";
}

/** Place and sentence together, the way the CLI prints a problem. */
export function formatIn(p: Problem, lang: Lang): string {
  const where = placeOf(p, lang);
  const s = sentenceOf(p, lang);
  if (lang === "zh") return where ? `${where}：${s}` : s;
  return where ? `${where} — ${s}` : s;
}

/** Whether a language word is one the catalog has (`zh` or `en`). */
export function isLang(x: unknown): x is Lang {
  return x === "zh" || x === "en";
}

/** The language chosen by `LC_ALL`, else `LANG`: zh when it starts with `zh`, else en. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const v = env.LC_ALL || env.LANG || "";
  return v.toLowerCase().startsWith("zh") ? "zh" : "en";
}
