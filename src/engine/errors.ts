/** Problem codes of packs (loading, validation) and of evaluation, each with the shape of its params. */
export interface PackProblemParams {
  /** Bad input given to a command or function that is not about a pack (malformed JSON, missing argument). */
  INPUT_INVALID: { detail: string };
}
