// The dependency rule of docs/architecture.md, as an ESLint rule: a file may import only from its
// own layer or the layers below it. Layers, lowest first; a path prefix decides a file's layer.
import { dirname, relative, resolve } from "node:path";

export const LAYERS = [
  ["problem", ["src/problem.ts"]],
  ["messages", ["src/messages/"]],
  ["errors", ["src/errors.ts"]],
  ["base", ["src/base/"]],
  ["calendar", ["src/calendar/"]],
  ["model", ["src/engine/model/"]],
  ["read", ["src/engine/read/"]],
  ["check", ["src/engine/check/"]],
  ["compile", ["src/engine/compile/"]],
  ["evaluate", ["src/engine/evaluate/"]],
  ["tools", ["src/engine/tools/"]],
  ["api", ["src/core.ts", "src/index.ts"]],
  // Every other folder of src/ (cli, serve, studio…) is an application on top of the library.
  ["app", ["src/"]],
];

// The union of problem codes (src/problem.ts) gathers the code lists of the layers above it: types only.
const ALLOWED = [
  ["src/problem.ts", "src/calendar/errors.ts"],
  ["src/problem.ts", "src/engine/model/errors.ts"],
  ["src/problem.ts", "src/cli/usage-errors.ts"],
  ["src/problem.ts", "src/serve/errors.ts"],
];

const ENGINE_FIRST = LAYERS.findIndex(([name]) => name === "model");

/** The layer of a path relative to the repository, or null outside src/. */
export function layerOf(rel) {
  if (!rel.startsWith("src/")) return null;
  if (rel.startsWith("src/engine/") && !LAYERS.slice(ENGINE_FIRST, ENGINE_FIRST + 6).some(([, ps]) => ps.some((p) => rel.startsWith(p)))) return -1;
  return LAYERS.findIndex(([, ps]) => ps.some((p) => (p.endsWith("/") ? rel.startsWith(p) : rel === p)));
}

const rule = {
  meta: { type: "problem", schema: [], messages: {
    upward: "{{from}} may not import {{to}} ({{spec}}): a stage imports only from stages before it (docs/architecture.md).",
    stray: "engine files live in a stage folder (model, read, check, compile, evaluate, tools); see docs/architecture.md.",
  } },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split("\\").join("/");
    const from = layerOf(file);
    if (from === null) return {};
    const check = (node, spec, typeOnly) => {
      if (typeof spec !== "string" || !spec.startsWith(".")) return;
      const target = relative(root, resolve(dirname(context.filename), spec)).split("\\").join("/").replace(/\.js$/, ".ts");
      const to = layerOf(target);
      if (to === null || to === -1 || to <= from) return;
      if (typeOnly && ALLOWED.some(([a, b]) => a === file && b === target)) return;
      context.report({ node, messageId: "upward", data: { from: `${file} (${LAYERS[from][0]})`, to: `${LAYERS[to][0]}`, spec } });
    };
    return {
      Program(node) {
        if (from === -1) context.report({ node, messageId: "stray" });
      },
      ImportDeclaration: (n) => check(n, n.source.value, n.importKind === "type"),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value, n.exportKind === "type"),
      ExportAllDeclaration: (n) => check(n, n.source.value, n.exportKind === "type"),
      ImportExpression: (n) => n.source.type === "Literal" && check(n, n.source.value, false),
    };
  },
};

export default { rules: { layers: rule } };
