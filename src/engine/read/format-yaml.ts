/**
 * The safe style of a pack file, for people who edit packs by hand: every mapping and list in block
 * style (one entry per line, no `{ … }` where a comma in Chinese text starts a new field), and
 * every text with Chinese in it in double quotes. Comments stay where they were. The data does
 * not change: a formatted file reads back to the same value (checked here, not assumed).
 */
import { parseDocument, Scalar, visit } from "yaml";
import { readYaml } from "../../base/yaml-read.js";
import { problem, type Problem } from "../../errors.js";

/** The result of formatting one file: the new text, whether it changed, or the problems that stopped it. */
export interface FormatResult {
  text: string;
  changed: boolean;
  problems: Problem[];
}

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

/**
 * Rewrites one pack file (YAML text) in the safe style. A file that does not read (syntax,
 * duplicate keys, limits…) is returned unchanged with its problems.
 */
export function formatPackFile(text: string, file: string): FormatResult {
  const before = readYaml(text, file);
  if (before.problems.length) return { text, changed: false, problems: before.problems };
  const bom = text.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
  const doc = parseDocument(bom ? text.slice(1) : text, { uniqueKeys: true, strict: true, version: "1.2", keepSourceTokens: false });
  visit(doc, {
    Map: (_k, node) => {
      if (node.items.length > 0) node.flow = false;
    },
    Seq: (_k, node) => {
      if (node.items.length > 0) node.flow = false;
    },
    Scalar: (_k, node) => {
      if (typeof node.value === "string" && NON_ASCII.test(node.value) && (node.type === Scalar.PLAIN || node.type === undefined)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const out = bom + doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: true });
  const after = readYaml(out, file);
  // The promise of the style: the same data. A formatter bug must never rewrite a pack's meaning.
  if (after.problems.length || JSON.stringify(after.value) !== JSON.stringify(before.value)) {
    return { text, changed: false, problems: [problem("YAML_SYNTAX", `${file} could not be formatted without changing its data; it is left as it is.`, { detail: "format changed the data" }, { file })] };
  }
  return { text: out, changed: out !== text, problems: [] };
}
