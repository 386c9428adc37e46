/** `yingshang schema PACK [--result]`: the JSON Schema of the pack's case input (or of its result). */
import type { Command } from "commander";
import { loadPack } from "../../engine/compile/load.js";
import { inputSchema, resultSchema } from "../../engine/compile/index.js";
import { emit, runAction } from "../output.js";
import { calendarsOption } from "../calendar-option.js";

interface Opts {
  json?: boolean;
  result?: boolean;
  calendar?: string[];
}

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema (2020-12) of a pack's case input, or with --result of its evaluation result")
    .argument("<pack>", "a pack folder or a bundled pack name (yingkou, xinghua, zibo, suqian)")
    .option("--result", "the schema of `eval --json`'s result instead of the input's")
    .option("--json", "one line of JSON (the default prints it indented)")
    .option("--calendar <file...>", "extra calendar files")
    .action((spec: string, opts: Opts) =>
      runAction(opts, () => {
        const pack = loadPack(spec, { calendars: calendarsOption(opts.calendar) });
        const schema = opts.result ? resultSchema(pack) : inputSchema(pack);
        // Either way the output is the schema itself, so it can be piped to a code generator.
        emit(opts, schema, () => JSON.stringify(schema, null, 2));
      }),
    );
}
