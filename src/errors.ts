/**
 * Errors are plain, serializable values: a `code`, a place, `params` narrowed by the code,
 * and a sentence a policy officer can act on. `YingshangError` carries one or more of them.
 */
import { formatIn } from "./messages/format.js";
import type { Lang } from "./messages/types.js";
import type { Place, ProblemCode, ProblemParams, Problem } from "./problem.js";

export type { Place, Problem, ProblemCode, ProblemParams } from "./problem.js";
export type { Lang as ProblemLang } from "./messages/types.js";

/** Builds a problem; the message is written by the caller so it can be specific. */
export function problem<C extends ProblemCode>(
  code: C,
  message: string,
  params: ProblemParams[C],
  place: Place = {},
): Problem {
  // Only defined keys, so JSON output is stable and free of `undefined`.
  const out: Record<string, unknown> = { code };
  if (place.file !== undefined) out.file = place.file;
  if (place.line !== undefined) out.line = place.line;
  if (place.col !== undefined) out.col = place.col;
  if (place.path !== undefined) out.path = place.path;
  out.message = message;
  out.params = params;
  return out as unknown as Problem;
}

const ERROR_BRAND = Symbol.for("yingshang.YingshangError");

/**
 * The one error class the library throws. `problems` holds every problem found (a pack with
 * ten mistakes reports ten); `code` is the first problem's code, for quick checks.
 *
 * @example
 * import { defaultCalendar, YingshangError } from "yingshang";
 * try {
 *   defaultCalendar().addWorkingDays("2030-01-01", 1);
 * } catch (e) {
 *   if (e instanceof YingshangError && e.code === "DATE_OUT_OF_RANGE") console.log(e.problems[0].params); // { date: "2030-01-01", from: "2018-12-29", to: "2026-12-31" }
 * }
 */
export class YingshangError extends Error {
  /**
   * `instanceof YingshangError` holds for errors of either build (ESM and CommonJS are two copies
   * in one process when an ES module app uses a CommonJS dependency): a registered symbol marks them.
   */
  static override [Symbol.hasInstance](x: unknown): boolean {
    // Subclasses (e.g. the service's HttpProblem) keep the ordinary prototype check.
    if (this !== YingshangError) return Function.prototype[Symbol.hasInstance].call(this, x);
    return typeof x === "object" && x !== null && (x as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] === true;
  }

  get [ERROR_BRAND](): true {
    return true;
  }

  readonly code: ProblemCode;
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const first = problems[0];
    super(first ? formatProblem(first) + (problems.length > 1 ? ` (and ${problems.length - 1} more)` : "") : "unknown problem");
    this.name = "YingshangError";
    this.code = first ? first.code : ("INPUT_INVALID" as ProblemCode);
    this.problems = Object.freeze([...problems]);
  }

  /** Plain data for JSON output. */
  toJSON(): { error: { code: ProblemCode; problems: readonly Problem[] } } {
    return { error: { code: this.code, problems: this.problems } };
  }
}

/** Throws a `YingshangError` holding one problem. */
export function fail<C extends ProblemCode>(code: C, message: string, params: ProblemParams[C], place: Place = {}): never {
  throw new YingshangError([problem(code, message, params, place)]);
}

/** Options of {@link formatProblem}. */
export interface FormatProblemOptions {
  /** `en` (default): the sentence written where the problem was found; `zh`: the Chinese sentence of its code. */
  lang?: Lang;
}

/**
 * A problem as one line: `file:line:col — message`, the form editors and CI annotations
 * understand, or in Chinese 「file 第14行第5列：句子」. The problem itself is not changed: its code,
 * params and place are the same in every language, only the sentence differs.
 *
 * @example
 * import { evaluate, formatProblem, loadPack, YingshangError } from "yingshang";
 * try {
 *   evaluate(loadPack("yingkou"), { asOf: "2026-03-02", facts: { stag: "construction" } });
 * } catch (e) {
 *   if (e instanceof YingshangError) console.log(formatProblem(e.problems[0], { lang: "zh" })); // 本政策包没有声明事实 `stag`；是否应为 `stage`？
 * }
 */
export function formatProblem(p: Problem, options: FormatProblemOptions = {}): string {
  return formatIn(p, options.lang ?? "en");
}
