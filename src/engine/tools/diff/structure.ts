/**
 * What changed between two versions of a pack, in domain terms: units renamed, rules added or
 * removed, conditions and units of a rule changed, deadline days, ladder rungs, scoring items,
 * deductions and caps, effective dates, the version.
 */
import type { Condition, PackDocs } from "../../model/index.js";
import type { Pack } from "../../compile/index.js";
import { conditionText } from "../explain/words.js";

/** One change between two versions of a pack. */
export interface PackChange {
  /** What kind of thing changed. */
  area: "pack" | "clause" | "unit" | "fact" | "lookup" | "table" | "rule" | "deadline" | "variant" | "ladder" | "rung" | "jump" | "return" | "scorecard" | "category" | "item" | "duty";
  change: "added" | "removed" | "changed";
  /** Its id; nested things are `parent/child` (`lead-unit/construction-county-park`, `mayor-direct/complex`). */
  id: string;
  /** For `changed`: the field, e.g. `period.workingDays`, `when`, `then.lead`, `zh`, `deduct`. */
  field?: string;
  before?: unknown;
  after?: unknown;
  /** A sentence saying what changed. */
  text: string;
}

type Flat = Record<string, unknown>;

const SKIP = new Set(["note", "id"]);

/** Flattens an object one level into `key` and `key.sub` entries for the keys in `deep`. */
function flat(obj: object | undefined, deep: readonly string[], children: readonly string[] = []): Flat {
  const out: Flat = {};
  if (!obj) return out;
  for (const [k, v] of Object.entries(obj)) {
    if (SKIP.has(k) || children.includes(k)) continue;
    if (deep.includes(k) && v && typeof v === "object" && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as object)) if (k2 !== "note") out[`${k}.${k2}`] = v2;
    } else out[k] = v;
  }
  return out;
}

function stable(v: unknown): string {
  if (v === undefined) return "undefined";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  return `{${Object.keys(v as object)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
    .join(",")}}`;
}

interface Differ {
  out: PackChange[];
  a: Pack;
  b: Pack;
}

function fmt(d: Differ, field: string, v: unknown, side: "a" | "b"): string {
  if (v === undefined) return "(none)";
  if ((field === "when" || field.endsWith(".condition") || field === "requires.condition") && v && typeof v === "object") {
    try {
      return `「${conditionText(side === "a" ? d.a : d.b, v as Condition, "en")}」`;
    } catch {
      return JSON.stringify(v);
    }
  }
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

function compareFields(d: Differ, area: PackChange["area"], id: string, label: string, fa: Flat, fb: Flat): void {
  const keys = [...new Set([...Object.keys(fa), ...Object.keys(fb)])];
  for (const k of keys) {
    if (stable(fa[k]) === stable(fb[k])) continue;
    d.out.push({ area, change: "changed", id, field: k, before: fa[k], after: fb[k], text: `${label}: ${k} ${fmt(d, k, fa[k], "a")} → ${fmt(d, k, fb[k], "b")}` });
  }
}

/** Keys items by id; a second item with the same id (an effective-dated version) gets `@from`. */
function keyed<T extends { id: string; effective?: { from: string } }>(list: readonly T[] | undefined): Map<string, T> {
  const m = new Map<string, T>();
  for (const x of list ?? []) m.set(m.has(x.id) ? `${x.id}@${x.effective?.from ?? "?"}` : x.id, x);
  return m;
}

function name(x: { zh?: string } | undefined): string {
  return x?.zh ? ` (${x.zh})` : "";
}

/**
 * Compares two lists by id: added, removed, and for items in both the changed fields (and, with
 * `nested`, their children).
 */
function diffList<T extends { id: string; zh?: string; effective?: { from: string } }>(
  d: Differ,
  area: PackChange["area"],
  prefix: string,
  la: readonly T[] | undefined,
  lb: readonly T[] | undefined,
  fields: (x: T) => Flat,
  describe: (x: T) => string,
  nested?: (x: T, y: T, id: string) => void,
): void {
  const A = keyed(la);
  const B = keyed(lb);
  const word = area === "rule" || area === "variant" || area === "rung" || area === "item" || area === "category" ? area : area;
  for (const [k, x] of A) {
    const id = prefix ? `${prefix}/${k}` : k;
    const y = B.get(k);
    if (!y) {
      d.out.push({ area, change: "removed", id, before: fields(x), text: `${word} ${id}${name(x)} removed${describe(x)}` });
      continue;
    }
    compareFields(d, area, id, `${word} ${id}${name(y)}`, fields(x), fields(y));
    nested?.(x, y, id);
  }
  for (const [k, y] of B) {
    if (A.has(k)) continue;
    const id = prefix ? `${prefix}/${k}` : k;
    d.out.push({ area, change: "added", id, after: fields(y), text: `${word} ${id}${name(y)} added${describe(y)}` });
  }
  // The order of rungs and first-hit rules matters: report a reordering of the common ids.
  if (area === "rung" || area === "rule" || area === "variant") {
    const common = [...A.keys()].filter((k) => B.has(k));
    const orderB = [...B.keys()].filter((k) => A.has(k));
    if (common.join("\u0000") !== orderB.join("\u0000")) {
      d.out.push({ area, change: "changed", id: prefix, field: "order", before: common, after: orderB, text: `${area}s of ${prefix} reordered: ${common.join(", ")} → ${orderB.join(", ")}` });
    }
  }
}

function periodWords(p: Record<string, unknown> | undefined): string {
  if (!p) return "";
  const n = (v: unknown) => (typeof v === "object" && v !== null ? `{fact: ${(v as { fact: string }).fact}}` : String(v));
  if (p.workingDays !== undefined) return `${n(p.workingDays)} working days`;
  if (p.days !== undefined) return `${n(p.days)} days`;
  if (p.sameDay) return "same day";
  return "";
}

/** Every change from pack `a` to pack `b`, in a stable order (pack, units, facts, tables, deadlines, ladders, scorecards, duties). */
export function structuralChanges(a: Pack, b: Pack): PackChange[] {
  const d: Differ = { out: [], a, b };
  const A: PackDocs = a.docs;
  const B: PackDocs = b.docs;
  // pack.yaml
  const meta = (p: PackDocs["pack"]): Flat => ({ version: p.version, "effective.from": p.effective.from, "effective.until": p.effective.until, calendar: p.calendar, "name.zh": p.name.zh, "document.number": p.document.number, "document.title": p.document.title, "document.issued": p.document.issued, id: p.id });
  compareFields(d, "pack", a.id, "pack", meta(A.pack), meta(B.pack));
  diffList(d, "clause", "", A.pack.clauses.map((c) => ({ id: c.id, zh: c.title })), B.pack.clauses.map((c) => ({ id: c.id, zh: c.title })), (c) => ({ title: c.zh }), () => "");
  // units and facts
  diffList(d, "unit", "", A.units, B.units, (u) => flat(u, []), (u) => ` (${u.kind})`);
  const facts = (p: PackDocs) => Object.entries(p.facts).map(([id, f]) => ({ ...f, id }));
  diffList(d, "fact", "", facts(A), facts(B), (f) => flat(f, ["valuesZh"]), (f) => ` (${f.type}${f.values ? `: ${f.values.join(", ")}` : ""})`);
  // lookups
  const lookups = (p: PackDocs) => Object.entries(p.assignment.lookups ?? {}).map(([id, l]) => ({ ...l, id }));
  diffList(d, "lookup", "", lookups(A), lookups(B), (l) => flat(l, ["entries", "source"]), () => "");
  // tables and rules
  diffList(
    d,
    "table",
    "",
    A.assignment.tables,
    B.assignment.tables,
    (t) => flat(t, ["effective"], ["rules"]),
    (t) => ` (${t.rules.length} rules)`,
    (x, y, id) =>
      diffList(d, "rule", id, x.rules, y.rules, (r) => flat(r, ["then", "source", "effective"]), (r) => ` (${r.source.clause}${r.then.lead !== undefined ? `, lead ${JSON.stringify(r.then.lead)}` : ""}${r.then.outcome ? `, outcome ${r.then.outcome}` : ""})`),
  );
  // deadlines and variants
  diffList(
    d,
    "deadline",
    "",
    A.deadlines,
    B.deadlines,
    (x) => flat(x, ["period", "schedule", "source", "effective", "requires"], ["variants"]),
    (x) => ` (${x.period ? periodWords(x.period as Record<string, unknown>) : x.schedule ? `every ${x.schedule.every}` : `${x.variants?.length ?? 0} variants`})`,
    (x, y, id) => diffList(d, "variant", id, x.variants, y.variants, (v) => flat(v, ["period", "source", "effective"]), (v) => ` (${periodWords(v.period as Record<string, unknown>)}, ${v.source.clause})`),
  );
  // ladders, rungs, jumps, returns
  diffList(
    d,
    "ladder",
    "",
    A.ladders,
    B.ladders,
    (l) => flat(l, ["source", "effective"], ["rungs", "jumps", "returns"]),
    (l) => ` (${l.rungs.length} rungs)`,
    (x, y, id) => {
      diffList(d, "rung", id, x.rungs, y.rungs, (r) => flat(r, ["within", "source", "effective"]), (r) => ` (${r.source.clause})`);
      diffList(d, "jump", id, x.jumps, y.jumps, (j) => flat(j, ["source"]), (j) => ` (${j.from} → ${j.to})`);
      const rets = (l: typeof x) => (l.returns ?? []).map((r) => ({ ...r, id: r.id ?? `${r.from}->${r.to}` }));
      diffList(d, "return", id, rets(x), rets(y), (r) => flat(r, ["source"]), (r) => ` (${r.from} → ${r.to} on ${r.on})`);
    },
  );
  // scorecards, categories, items
  diffList(
    d,
    "scorecard",
    "",
    A.scorecards,
    B.scorecards,
    (s) => flat(s, ["source", "effective"], ["categories"]),
    (s) => ` (total ${s.total})`,
    (x, y, id) =>
      diffList(d, "category", id, x.categories, y.categories, (c) => flat(c, ["source", "survey"], ["items"]), (c) => ` (max ${c.max})`, (cx, cy, cid) =>
        diffList(d, "item", cid, cx.items, cy.items, (i) => flat(i, ["source", "effective"]), (i) => ` (−${i.deduct} per ${i.per}, ${i.source.clause})`),
      ),
  );
  // duties
  diffList(d, "duty", "", A.duties, B.duties, (x) => flat(x, ["schedule", "sample", "source", "effective"]), (x) => ` (${x.source.clause})`);
  return d.out;
}
