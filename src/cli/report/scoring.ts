/** The data of a scoring report: a period's ranking, each unit's deductions with their clauses. */
import { fail, problem, YingshangError, type Problem } from "../../errors.js";
import { suggest } from "../../base/suggest.js";
import type { Pack } from "../../engine/compile/index.js";
import { rank, type ScoreInput } from "../../engine/evaluate/index.js";
import { findScorecard } from "../../engine/evaluate/index.js";
import { readJsonFile } from "../pack-io.js";
import { checkDate } from "./words.js";


/** A scoring period: the ranking and, for each unit, its deductions with their clauses. */
export interface ScoringReport {
  kind: "scoring";
  pack: { id: string; name: string; version: string; hash: string; document: string };
  scorecard: { id: string; name: string; total: number; period: string | null; clause: string };
  /** `2026-Q1`, `2026-H1`, `2026-03` or `2026`. */
  period: string;
  /** The last day of the period: the rules are read as of it. */
  asOf: string;
  categories: { id: string; name: string; max: number; clause?: string }[];
  /**
   * How the report is published: the issuer and the document applied (scoring.yaml's \`report\`, or
   * \`--issuer\`), and its date (\`--date\` or the input's \`date\`; never the clock: null when not given).
   */
  publish: { issuer: { zh: string; en: string | null } | null; basis: { zh: string; en: string | null } | null; clause: string | null; date: string | null };
  /** Units ranked apart (scoring.yaml's \`report.groups\`), in order; null: one ranking. */
  groups: { id: string; zh: string; en: string | null }[] | null;
  /** The survey category and what the pack gives when no answer counts (all 不了解), with its reason. */
  surveyRule: { category: string; name: string; max: number; whenNoAnswerCounts: "full" | "zero"; assumption: { zh: string; en: string | null } | null } | null;
  /** Highest total first, within each group; ties share a rank (1, 2, 2, 4). */
  ranking: {
    rank: number;
    /** The group the unit is ranked in (its \`of\` in units.json), or null without groups. */
    group: string | null;
    unit: string;
    /** The unit's name: `name` from the input, else the pack's `zh`, else the id. */
    name: string;
    total: number;
    scores: Record<string, number>;
    /** Per category: points lost (capped at the category's points, 扣完为止), the raw sum, whether the cap applied. */
    lost: Record<string, { deducted: number; deductedRaw: number; capped: boolean }>;
    deductions: { item: string; itemName: string; category: string; count: number; points: number; clause: string; quote: string }[];
    survey: { counted: number; mean: number | null; score: number } | null;
  }[];
}

const PERIOD_KIND: Record<string, RegExp> = {
  quarter: /^(\d{4})-Q([1-4])$/,
  "half-year": /^(\d{4})-H([12])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  year: /^(\d{4})$/,
};

/** The last day of a period written `2026-Q1`, `2026-H1`, `2026-03` or `2026`, and its kind. */
export function periodEnd(period: string): { kind: string; asOf: string } {
  for (const [kind, re] of Object.entries(PERIOD_KIND)) {
    const m = re.exec(period);
    if (!m) continue;
    const y = Number(m[1]);
    const n = Number(m[2] ?? 0);
    const endMonth = kind === "quarter" ? n * 3 : kind === "half-year" ? n * 6 : kind === "month" ? n : 12;
    const last = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
    return { kind, asOf: `${y}-${String(endMonth).padStart(2, "0")}-${String(last).padStart(2, "0")}` };
  }
  return fail("INPUT_INVALID", `--period ${JSON.stringify(period)} is not a period; write 2026-Q1, 2026-H1, 2026-03 or 2026.`, { detail: "bad period" }, { path: "period" });
}

/**
 * Reads the units file: `{ unitId: { incidents, survey, name? } }`, or the same under `units:`.
 * `name` is a display name (e.g. a township's name) and is not scored.
 */
export interface UnitsFile {
  inputs: Record<string, ScoreInput>;
  names: Record<string, string>;
  /** Each unit's class in the pack's units.yaml (\`of\`: township, government-departments…). */
  of: Record<string, string>;
  /** The report's date, from the file's \`date\` (wrapped form). */
  date: string | null;
}

export function readUnits(file: string): UnitsFile {
  const raw = readJsonFile(file) as unknown;
  const problems: Problem[] = [];
  const unknown = (obj: Record<string, unknown>, allowed: string[], path: string) => {
    for (const k of Object.keys(obj)) {
      if (allowed.includes(k)) continue;
      const hint = suggest(k, allowed);
      const at = path ? `${path}.${k}` : k;
      problems.push(problem("INPUT_UNKNOWN_KEY", `\`${at}\` is not a key here${hint ? `; did you mean \`${hint}\`?` : ""} (keys: ${allowed.join(", ")}).`, { key: k, suggestion: hint, allowed }, { file, path: at }));
    }
  };
  const wrapped = raw !== null && typeof raw === "object" && !Array.isArray(raw) && "units" in raw;
  if (wrapped) unknown(raw as Record<string, unknown>, ["units", "date"], "");
  let date: string | null = null;
  if (wrapped && (raw as { date?: unknown }).date !== undefined) date = checkDate((raw as { date?: unknown }).date, "date");
  const obj = wrapped ? (raw as { units: unknown }).units : raw;
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
    return fail("INPUT_INVALID", `${file} must map each unit to its incidents and survey: { "township-a": { "incidents": [...], "survey": {...} } }.`, { detail: "units not a mapping" }, { file });
  }
  const inputs: Record<string, ScoreInput> = {};
  const names: Record<string, string> = {};
  const of: Record<string, string> = {};
  const base = wrapped ? "units." : "";
  for (const [unit, v] of Object.entries(obj as Record<string, unknown>)) {
    if (!v || typeof v !== "object" || Array.isArray(v)) return fail("INPUT_INVALID", `${file}: unit ${JSON.stringify(unit)} must be an object with incidents and/or survey.`, { detail: "unit not an object" }, { file, path: unit });
    // A misspelt key (\`incident\` for \`incidents\`) would otherwise score the unit as if nothing happened.
    unknown(v as Record<string, unknown>, ["incidents", "survey", "name", "of"], `${base}${unit}`);
    const { name, of: cls, ...rest } = v as Record<string, unknown>;
    if (cls !== undefined) {
      if (typeof cls !== "string") problems.push(problem("INPUT_INVALID", `\`${base}${unit}.of\` must be the id of a unit of the pack (e.g. township).`, { detail: "of" }, { file, path: `${base}${unit}.of` }));
      else of[unit] = cls;
    }
    if (Array.isArray(rest.incidents)) {
      rest.incidents.forEach((inc: unknown, i: number) => {
        if (inc && typeof inc === "object" && !Array.isArray(inc)) unknown(inc as Record<string, unknown>, ["item", "count", "note"], `${base}${unit}.incidents[${i}]`);
      });
    }
    if (name !== undefined) {
      if (typeof name !== "string") problems.push(problem("INPUT_INVALID", `\`${base}${unit}.name\` must be text (the unit's name as published).`, { detail: "name" }, { file, path: `${base}${unit}.name` }));
      else names[unit] = name;
    }
    inputs[unit] = rest as ScoreInput;
  }
  if (problems.length) throw new YingshangError(problems);
  return { inputs, names, of, date };
}

/** What the command line adds to a report: \`--issuer\` (over the pack's) and \`--date\` (over the input's). */
export interface PublishOptions {
  issuer?: string;
  date?: string;
}

export function buildScoringReport(pack: Pack, scorecardId: string, file: Pick<UnitsFile, "inputs" | "names"> & Partial<UnitsFile>, period: string, opts: PublishOptions = {}): ScoringReport {
  const { inputs: units, names } = file;
  const { kind, asOf } = periodEnd(period);
  const card = findScorecard(pack, scorecardId, asOf);
  if (card.period && card.period !== kind) {
    const example = { quarter: "2026-Q1", "half-year": "2026-H1", month: "2026-03", year: "2026" }[card.period];
    fail("INPUT_INVALID", `Scorecard \`${card.id}\` is scored per ${card.period}; give --period like ${example} (got ${period}).`, { detail: "period kind" }, { path: "period" });
  }
  const groups = card.report?.groups ?? null;
  const groupOf = unitGroups(pack, card, Object.keys(units), file.of ?? {});
  // Ranked within each group: a township's rank is among townships and zones, not among departments.
  const parts = groups ? groups.map((g) => Object.fromEntries(Object.entries(units).filter(([u]) => groupOf[u] === g.id))) : [units];
  const ranked = parts.map((p) => rank(pack, scorecardId, p, { asOf, trace: false }));
  const r = { ranking: ranked.flatMap((x) => x.ranking), scores: Object.assign({}, ...ranked.map((x) => x.scores)) as (typeof ranked)[number]["scores"] };
  const itemNames = new Map<string, string>();
  for (const c of card.categories) for (const it of c.items ?? []) itemNames.set(it.id, it.zh ?? it.id);
  const surveyCat = card.categories.find((c) => c.survey);
  return {
    kind: "scoring",
    pack: packInfo(pack),
    scorecard: { id: card.id, name: card.zh ?? card.id, total: card.total, period: card.period ?? null, clause: card.source.clause },
    period,
    asOf,
    categories: card.categories.map((c) => ({ id: c.id, name: c.zh ?? c.id, max: c.max, clause: c.source.clause })),
    publish: publishOf(card, opts, file.date ?? null),
    groups: groups ? groups.map((g) => ({ id: g.id, zh: g.zh, en: g.en ?? null })) : null,
    surveyRule: surveyCat?.survey
      ? { category: surveyCat.id, name: surveyCat.zh ?? surveyCat.id, max: surveyCat.max, whenNoAnswerCounts: surveyCat.survey.whenNoAnswerCounts, assumption: surveyCat.survey.assumption ? { zh: surveyCat.survey.assumption.zh, en: surveyCat.survey.assumption.en ?? null } : null }
      : null,
    ranking: r.ranking.map((row) => {
      const s = r.scores[row.unit]!;
      return {
        rank: row.rank,
        group: groupOf[row.unit] ?? null,
        unit: row.unit,
        name: names[row.unit] ?? pack.units.get(row.unit)?.zh ?? row.unit,
        total: row.total,
        scores: Object.fromEntries(Object.entries(s.categories).map(([id, c]) => [id, c.score])),
        lost: Object.fromEntries(Object.entries(s.categories).map(([id, c]) => [id, { deducted: c.deducted, deductedRaw: c.deductedRaw, capped: c.capped }])),
        deductions: s.deductions.map((d) => ({ ...d, itemName: itemNames.get(d.item) ?? d.item })),
        survey: s.survey ? { counted: s.survey.counted, mean: s.survey.mean, score: s.survey.score } : null,
      };
    }),
  };
}

/**
 * The year-end 综合排名: each quarter scored as published, then combined per unit as the scorecard's
 * `yearEnd` declares (兴化: the mean of the four quarterly totals, a marked assumption). The quarters
 * stand where the categories stand in a quarterly report.
 */
export function buildYearReport(pack: Pack, scorecardId: string, quarters: (Pick<UnitsFile, "inputs" | "names"> & Partial<UnitsFile>)[], year: string, opts: PublishOptions = {}): ScoringReport & { yearEnd: { combine: string; clause: string | null; assumption: string | null } } {
  const { asOf } = periodEnd(year);
  const card = findScorecard(pack, scorecardId, asOf);
  if (!card.yearEnd) return fail("INPUT_INVALID", `Scorecard \`${card.id}\` declares no year-end ranking (\`yearEnd\` in scoring.yaml), so a year cannot be ranked.`, { detail: "no yearEnd" }, { path: "period" });
  if (card.period !== "quarter" || quarters.length !== 4) {
    return fail("INPUT_INVALID", `The year-end ranking of \`${card.id}\` combines four quarters: give --input Q1.json Q2.json Q3.json Q4.json (got ${quarters.length} file${quarters.length === 1 ? "" : "s"}).`, { detail: "four quarters" }, { path: "input" });
  }
  // The year's date is the command line's or the fourth quarter's file's.
  const reports = quarters.map((q, i) => buildScoringReport(pack, scorecardId, q, `${year}-Q${i + 1}`, opts));
  const units = new Set(reports.flatMap((r) => r.ranking.map((u) => u.unit)));
  const problems: Problem[] = [];
  for (const u of [...units].sort()) {
    reports.forEach((r, i) => {
      // Nothing guessed: a unit missing from a quarter is an error, not a zero or a skipped quarter.
      if (!r.ranking.some((x) => x.unit === u)) problems.push(problem("INPUT_INVALID", `Unit \`${u}\` is not in the file of quarter ${i + 1}; every unit needs all four quarters for the year-end ranking.`, { detail: `missing ${u} in Q${i + 1}` }, { path: `input[${i}].${u}` }));
    });
  }
  for (const u of units) {
    // A unit ranked as a township in one quarter and a department in another has no one rank.
    const gs = new Set(reports.map((r) => r.ranking.find((x) => x.unit === u)?.group ?? null));
    if (gs.size > 1) problems.push(problem("INPUT_INVALID", `Unit \`${u}\` is in different ranking groups in different quarters (${[...gs].join(", ")}); give it the same \`of\` in all four files.`, { detail: `group of ${u}` }, { path: `input.${u}.of` }));
  }
  if (problems.length) throw new YingshangError(problems);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const rows = [...units].map((unit) => {
    const qs = reports.map((r) => r.ranking.find((x) => x.unit === unit)!);
    const sum = qs.reduce((a, q) => a + q.total, 0);
    return {
      rank: 0,
      group: qs[3]!.group,
      unit,
      name: qs[3]!.name,
      total: r2(card.yearEnd!.combine === "mean" ? sum / 4 : sum),
      scores: Object.fromEntries(qs.map((q, i) => [`Q${i + 1}`, q.total])),
      lost: {},
      deductions: qs.flatMap((q, i) => q.deductions.map((d) => ({ ...d, itemName: `第${"一二三四"[i]}季度：${d.itemName}` }))),
      survey: null,
    };
  });
  // Ranked within each group (in the groups' order), like the quarters.
  const order = (g: string | null) => (reports[3]!.groups ?? []).findIndex((x) => x.id === g);
  rows.sort((a, b) => order(a.group) - order(b.group) || b.total - a.total || (a.unit < b.unit ? -1 : 1));
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    const first = rows.findIndex((x) => x.group === row.group);
    row.rank = prev && prev.group === row.group && prev.total === row.total ? prev.rank : i - first + 1;
  });
  return {
    ...reports[3]!,
    period: year,
    asOf,
    categories: [1, 2, 3, 4].map((n) => ({ id: `Q${n}`, name: `第${"一二三四"[n - 1]}季度`, max: card.total })),
    // A note about a quarter's survey stays with that quarter's report, not the year's.
    surveyRule: null,
    ranking: rows,
    yearEnd: { combine: card.yearEnd.combine, clause: card.yearEnd.source?.clause ?? null, assumption: card.yearEnd.assumption ?? null },
  };
}

/**
 * Each unit's report group, from its \`of\` (a unit of units.yaml) and the scorecard's groups.
 * Nothing guessed: with groups declared, a unit without \`of\`, or of a class in no group, is an error.
 */
function unitGroups(pack: Pack, card: ReturnType<typeof findScorecard>, units: string[], of: Record<string, string>): Record<string, string> {
  const groups = card.report?.groups;
  const problems: Problem[] = [];
  const out: Record<string, string> = {};
  const classes = groups ? groups.flatMap((g) => g.units) : [];
  for (const u of units) {
    const cls = of[u];
    if (cls !== undefined && !pack.units.has(cls)) {
      const hint = suggest(cls, classes.length ? classes : [...pack.units.keys()]);
      problems.push(problem("INPUT_INVALID", `\`${u}.of\`: \`${cls}\` is not a unit of pack ${pack.id}${hint ? `; did you mean \`${hint}\`?` : ""}.`, { detail: `of ${cls}` }, { path: `${u}.of` }));
      continue;
    }
    if (!groups) continue;
    if (cls === undefined) {
      problems.push(problem("INPUT_INVALID", `Unit \`${u}\` needs \`of\`: scorecard \`${card.id}\` ranks ${groups.map((g) => g.zh).join("、")} apart, so say which it is (${classes.join(", ")}).`, { detail: `of missing for ${u}` }, { path: `${u}.of` }));
      continue;
    }
    const g = groups.find((x) => x.units.includes(cls));
    if (!g) problems.push(problem("INPUT_INVALID", `\`${u}.of\`: \`${cls}\` is in no ranking group of scorecard \`${card.id}\` (${classes.join(", ")}).`, { detail: `of ${cls} in no group` }, { path: `${u}.of` }));
    else out[u] = g.id;
  }
  if (problems.length) throw new YingshangError(problems);
  return out;
}

function publishOf(card: ReturnType<typeof findScorecard>, opts: PublishOptions, inputDate: string | null): ScoringReport["publish"] {
  const r = card.report;
  const issuer = opts.issuer !== undefined ? { zh: opts.issuer, en: opts.issuer } : r?.issuer ? { zh: r.issuer.zh, en: r.issuer.en ?? null } : null;
  return {
    issuer,
    basis: r?.basis ? { zh: r.basis.zh, en: r.basis.en ?? null } : null,
    clause: r?.basis ? (r.source?.clause ?? null) : null,
    date: opts.date !== undefined ? checkDate(opts.date, "--date") : inputDate,
  };
}

export function packInfo(pack: Pack): ScoringReport["pack"] {
  const doc = pack.meta.document;
  return { id: pack.id, name: pack.meta.name.zh, version: pack.version, hash: pack.hash, document: [doc.title === pack.meta.name.zh ? "" : doc.title, doc.number].filter(Boolean).join(" ") };
}
