/** The shape of a message catalog: one sentence-writer per problem code, so a missing one is a type error. */
import type { Place, ProblemCode, ProblemParams } from "../errors.js";

/** The languages problems and reports are written in. */
export type Lang = "zh" | "en";

/** Writes the sentence for one problem from its params and place (the place itself is printed by the caller). */
export type Sentence<C extends ProblemCode> = (params: ProblemParams[C], at: Place) => string;

/** Every problem code with its sentence. Mapped over the exhaustive union: adding a code without a sentence fails typecheck. */
export type Catalog = { readonly [C in ProblemCode]: Sentence<C> };
