/** Problem codes of the command line itself (usage errors), each with its params. */
export interface CliProblemParams {
  /**
   * The command line is not one yingshang understands: an unknown command or option, a missing
   * argument or option value, too many arguments. `word` is the offending word, when there is one.
   */
  USAGE_INVALID: {
    reason: "unknown-command" | "unknown-option" | "missing-argument" | "missing-option-value" | "excess-arguments" | "invalid-argument" | "other";
    word: string | null;
    command: string;
  };
}
