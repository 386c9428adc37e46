/**
 * Mutations of valid pack files, as parsed objects (re-serialised with the yaml package) and as raw
 * text. Driven by a fast-check-generated list of choices so failures replay from the seed.
 */
import { parse, stringify } from "yaml";

/** A source of choices: fast-check gives the numbers, the mutator reads them in turn. */
export class Choices {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}
  /** A whole number in [0, n). */
  int(n: number): number {
    const x = this.xs[this.i++ % Math.max(1, this.xs.length)] ?? 0;
    return n <= 0 ? 0 : Math.abs(Math.trunc(x)) % n;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
}

export const HOSTILE_VALUES: readonly unknown[] = [
  null, 0, -1, 1.5, 2 ** 53 + 2, 1e21, "", "x", "2024-02-30", "2023-02-29", "9999-99-99", true, false, [], {}, [null], { fact: "nope" },
  { fact: "constructor" }, { fact: "toString" }, { lookup: "constructor", key: "stage" }, "__proto__", "constructor", "toString", "hasOwnProperty",
  "\"); process.exit(1); //", "${process.exit(1)}", "a".repeat(3000), "国".repeat(600), ["x", 1, null], { all: [] }, { any: [{}] }, { not: {} },
];
const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "idd", "Id", "zh ", "<<", "", "unknown-key", "1"];

type Container = Record<string, unknown> | unknown[];

/** Every container in the tree with its path, for picking a mutation site. */
function containers(v: unknown, out: Container[] = []): Container[] {
  if (Array.isArray(v)) {
    out.push(v);
    v.forEach((x) => containers(x, out));
  } else if (v && typeof v === "object") {
    out.push(v as Record<string, unknown>);
    Object.values(v).forEach((x) => containers(x, out));
  }
  return out;
}

/** Every leaf value (strings, numbers…) in the tree. */
function leaves(v: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) v.forEach((x) => leaves(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => leaves(x, out));
  else out.push(v);
  return out;
}

function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  // defineProperty: a key `__proto__` becomes an own key (as a YAML parser without guards would make it), not a prototype change.
  Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
}

/** Applies one structural mutation to the parsed document, in place; returns its name. */
function mutateOnce(root: unknown, c: Choices): string {
  const sites = containers(root);
  if (!sites.length) return "none";
  const site = c.pick(sites);
  const kind = c.int(8);
  if (Array.isArray(site)) {
    const i = c.int(site.length || 1);
    switch (kind) {
      case 0:
      case 1:
        site.splice(i, 1);
        return "delete item";
      case 2:
      case 3:
        if (site.length) site.splice(i, 0, structuredClone(site[i]));
        return "duplicate item";
      case 4:
        site[i] = structuredClone(c.pick(HOSTILE_VALUES)); // a copy: later mutations must not change the shared list
        return "wrong-type item";
      case 5:
        site.reverse();
        return "reverse list";
      case 6:
        site.length = 0;
        return "empty list";
      default:
        site.push(...Array.from({ length: 1 + c.int(300) }, () => structuredClone(site[0] ?? null)));
        return "grow list";
    }
  }
  const keys = Object.keys(site);
  const k = keys.length ? c.pick(keys) : "id";
  switch (kind) {
    case 0: {
      const v = site[k];
      delete site[k];
      setOwn(site, c.int(2) ? c.pick(HOSTILE_KEYS) : k.slice(0, -1) || "x", v);
      return "rename key";
    }
    case 1:
    case 2:
      delete site[k];
      return "delete key";
    case 3:
    case 4:
      site[k] = structuredClone(c.pick(HOSTILE_VALUES));
      return "wrong-type value";
    case 5: {
      // A value taken from elsewhere in the same document (ids, clauses, facts…), so references cross.
      const ls = leaves(root);
      site[k] = ls.length ? c.pick(ls) : null;
      return "swap value";
    }
    case 6:
      setOwn(site, `${k}${c.int(3)}`, structuredClone(site[k]));
      return "duplicate node";
    default:
      site[k] = typeof site[k] === "string" ? `${site[k]}${c.pick(["x", "-2", " ", "。", "\u0000"])}` : typeof site[k] === "number" ? (site[k] as number) * c.pick([-1, 0, 1000, 1e9]) : null;
      return "perturb value";
  }
}

/** Mutates a file's parsed content `n` times and re-serialises it. */
export function mutateObject(text: string, n: number, c: Choices): { text: string; what: string[] } {
  const doc = parse(text, { version: "1.2" }) as unknown;
  const what: string[] = [];
  for (let i = 0; i < n; i++) what.push(mutateOnce(doc, c));
  return { text: stringify(doc, { aliasDuplicateObjects: false }), what };
}

const DIGIT_BOMBS = ["9007199254740993", "1e400", "-.inf", ".nan", "0x7FFFFFFFFFFFFFFF", "0o777", "1_000"];

/** Mutates raw text (lines, characters, encodings) `n` times. */
export function mutateText(text: string, n: number, c: Choices): { text: string; what: string[] } {
  let t = text;
  const what: string[] = [];
  for (let i = 0; i < n; i++) {
    const lines = t.split("\n");
    const li = c.int(lines.length);
    const pos = c.int(t.length + 1);
    switch (c.int(14)) {
      case 0:
        lines.splice(li, 1);
        t = lines.join("\n");
        what.push("delete line");
        break;
      case 1:
        lines.splice(li, 0, lines[li] ?? "");
        t = lines.join("\n");
        what.push("duplicate line");
        break;
      case 2: {
        const lj = c.int(lines.length);
        [lines[li], lines[lj]] = [lines[lj]!, lines[li]!];
        t = lines.join("\n");
        what.push("swap lines");
        break;
      }
      case 3:
        lines[li] = c.int(2) ? `  ${lines[li]}` : (lines[li] ?? "").replace(/^ {1,2}/, "");
        t = lines.join("\n");
        what.push("indent");
        break;
      case 4:
        lines[li] = (lines[li] ?? "").replace(/^( *)/, (s) => "\t".repeat(Math.max(1, s.length / 2)));
        t = lines.join("\n");
        what.push("tabs");
        break;
      case 5:
        t = t.slice(0, pos) + c.pick([":", "-", "[", "{", "}", "]", "&x", "*x", "!", "'", "\"", "#", "\t", "\u0000", "\ud800", "\ufeff", " ", "\n"]) + t.slice(pos);
        what.push("insert char");
        break;
      case 6:
        t = t.slice(0, pos) + t.slice(pos + 1 + c.int(40));
        what.push("delete range");
        break;
      case 7:
        t = t.slice(0, pos);
        what.push("truncate");
        break;
      case 8:
        t = t.replace(/\n/g, "\r\n");
        what.push("CRLF");
        break;
      case 9:
        t = `\ufeff${t}`;
        what.push("BOM");
        break;
      case 10:
        t = t.replace(/\b\d+\b/, c.pick(DIGIT_BOMBS));
        what.push("number");
        break;
      case 11:
        t = t.replace(/\d{4}-\d{2}-\d{2}/, c.pick(["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-2-3", "20240101"]));
        what.push("date");
        break;
      case 12: {
        // Turn a line into an anchor and reuse it elsewhere.
        const m = /^(\s*)([A-Za-z]+): (\S.*)$/.exec(lines[li] ?? "");
        if (m) {
          lines[li] = `${m[1]}${m[2]}: &z ${m[3]}`;
          const lj = c.int(lines.length);
          lines[lj] = (lines[lj] ?? "").replace(/: (\S.*)$/, ": *z");
        }
        t = lines.join("\n");
        what.push("alias");
        break;
      }
      default:
        lines[li] = (lines[li] ?? "").replace(/^(\s*-?\s*)(\w+)/, (_s, pre: string) => `${pre}${c.pick(HOSTILE_KEYS) || "x"}`);
        t = lines.join("\n");
        what.push("rename key");
    }
  }
  return { text: t, what };
}
