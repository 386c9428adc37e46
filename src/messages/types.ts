/**
 * The shape of a message catalog: one sentence-writer per problem code, so a missing one is a type error.
 *
 * Adding a problem code: declare it with its params (in an `…ProblemParams` interface that
 * `ProblemParams` in src/errors.ts extends), then write its sentence in zh.ts (for a policy officer:
 * the place is printed before it, ids a person types go in backquotes, no other English) and en.ts,
 * and give it a sample in test/messages/samples.ts. test/messages/catalog.test.ts checks all three.
 */
import type { Place, ProblemCode, ProblemParams } from "../problem.js";

/** The languages problems and reports are written in. */
export type Lang = "zh" | "en";

/** Writes the sentence for one problem from its params and place (the place itself is printed by the caller). */
export type Sentence<C extends ProblemCode> = (params: ProblemParams[C], at: Place) => string;

/** Every problem code with its sentence. Mapped over the exhaustive union: adding a code without a sentence fails typecheck. */
export type Catalog = { readonly [C in ProblemCode]: Sentence<C> };
