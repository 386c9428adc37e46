/**
 * The shape of every problem the library reports (types only): the exhaustive union of codes, each
 * area contributing its own list (calendar, packs, the CLI, the service), and where a problem is.
 */
import type { CalendarProblemParams } from "./calendar/errors.js";
import type { PackProblemParams } from "./engine/model/errors.js";
import type { CliProblemParams } from "./cli/usage-errors.js";
import type { ServeProblemParams } from "./serve/errors.js";
/** Every problem code the library can report, mapped to the shape of its `params`. */
export interface ProblemParams extends CalendarProblemParams, PackProblemParams, CliProblemParams, ServeProblemParams {}

/** One of the codes in {@link ProblemParams}. */
export type ProblemCode = keyof ProblemParams;

/** Where a problem is: a file position and/or a path inside the document or the input. */
export interface Place {
  /** File name relative to the pack folder (or the file given on the command line). */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  col?: number;
  /** Path inside the document or input, e.g. `deadlines[2].period.workingDays` or `facts.stage`. */
  path?: string;
}

/** A reported problem. The union over codes is exhaustive: switch on `code` to narrow `params`. */
export type Problem = {
  [C in ProblemCode]: Place & {
    code: C;
    /** A sentence naming the problem, the place and, where possible, the fix. */
    message: string;
    params: ProblemParams[C];
  };
}[ProblemCode];

