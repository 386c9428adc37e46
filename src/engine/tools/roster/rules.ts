/** The staffing rules of a pack (staffing.yaml) applied to a roster that has passed `buildRoster`. */
import type { CadreKind, StaffingCountDoc, StaffingDoc, UnitDoc } from "../../model/index.js";
import { addDays, addYears, inPost, monthOf } from "./dates.js";
import type { RosterChange, RosterModel, RosterSink, RosterUnit } from "../../read/index.js";

const CADRE_ZH: Record<CadreKind, string> = { "young-reserve": "年轻后备干部", "station-head": "基层站所负责人", "mid-level": "机关中层干部", other: "其他" };
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ROLE_ZH = { agents: "代办员", helpers: "帮办员" } as const;

export function checkStaffingRules(roster: RosterModel, rules: StaffingDoc, units: ReadonlyMap<string, UnitDoc>, sink: RosterSink, city = ""): void {
  for (const u of roster.units) {
    const count = u.group === "township" ? rules.agentsPerLocality : rules.helpersPerDepartment;
    if (count) checkCount(roster, u, count, sink);
  }
  if (rules.helpersPerDepartment?.windowHeadWhereWindow) checkWindowHeads(roster, rules.helpersPerDepartment.source.clause, sink);
  checkChanges(roster, rules, sink);
  if (rules.filing) checkFiling(roster, rules.filing, units, sink, city);
  if (rules.cadres) checkCadres(roster, rules.cadres, sink);
  if (rules.agencyWindow?.required) {
    const clause = rules.agencyWindow.source.clause;
    roster.units.forEach((u) => {
      if (u.group === "township" && !u.window) {
        sink.warn("ROSTER_NO_AGENCY_WINDOW", `${u.zh} has no 项目代办专窗 (window: false); ${clause} requires one in its 便民服务中心. This is scored, not invalid.`, { unit: u.id, unitZh: u.zh, clause }, `${u.ptr}/window`);
      }
    });
  }
}

/** Every day from `since` to `asOf`: the days on which the number in post can change. */
function checkCount(roster: RosterModel, u: RosterUnit, rule: StaffingCountDoc, sink: RosterSink): void {
  const { since, asOf } = roster.header;
  const min = rule.exactly ?? rule.min ?? null;
  const max = rule.exactly ?? rule.max ?? null;
  const cuts = new Set<string>([since]);
  for (const p of u.people) {
    if (p.from > since && p.from <= asOf) cuts.add(p.from);
    if (p.until !== undefined) {
      const after = addDays(p.until, 1);
      if (after > since && after <= asOf) cuts.add(after);
    }
  }
  const days = [...cuts].sort();
  const bad: { date: string; until: string; count: number }[] = [];
  days.forEach((day, k) => {
    const count = u.people.filter((p) => inPost(p, day)).length;
    const until = k + 1 < days.length ? addDays(days[k + 1]!, -1) : asOf;
    if ((min !== null && count < min) || (max !== null && count > max)) {
      const last = bad[bad.length - 1];
      if (last && last.count === count && addDays(last.until, 1) === day) last.until = until;
      else bad.push({ date: day, until, count });
    }
  });
  const first = bad[0];
  if (!first) return;
  const role = ROLE_ZH[u.list];
  const needs = rule.exactly !== undefined ? `exactly ${rule.exactly}` : min !== null && max !== null ? `${min} to ${max}` : min !== null ? `at least ${min}` : `at most ${max}`;
  const span = first.date === first.until ? `on ${first.date}` : `from ${first.date} to ${first.until}`;
  const more = bad.length > 1 ? ` It is also wrong in ${bad.length - 1} later period${bad.length > 2 ? "s" : ""}.` : "";
  const fix = min !== null && first.count < min ? `Add a ${role} (and record the change under \`changes\`), or correct the from/until dates.` : `Keep ${max} ${role} in post: end the extra one's term with \`until\` (and record the change), or correct the dates.`;
  const clause = rule.source.clause;
  const params = { unit: u.id, unitZh: u.zh, date: first.date, until: first.until, count: first.count, min, max, clause };
  const message = `${u.zh} has ${first.count} ${role} in post ${span}; ${clause} requires ${needs}. ${fix}${more}`;
  if (u.list === "agents") sink.error("ROSTER_AGENT_COUNT", message, params, `${u.ptr}/${u.list}`, true);
  else sink.error("ROSTER_HELPER_COUNT", message, params, `${u.ptr}/${u.list}`, true);
}

function checkWindowHeads(roster: RosterModel, clause: string, sink: RosterSink): void {
  const { since, asOf } = roster.header;
  for (const u of roster.units) {
    if (u.group !== "department" || !u.window) continue;
    u.people.forEach((p, j) => {
      if (p.windowHead === true || p.from > asOf || (p.until !== undefined && p.until < since)) return;
      const ptr = `${u.ptr}/helpers/${j}`;
      sink.error(
        "ROSTER_WINDOW_HEAD",
        `${p.name}, 帮办员 of ${u.zh}, is not its window head (窗口负责人), but ${u.zh} has a window at 市政务服务中心 (window: true); ${clause} requires the window head to be its 帮办员. Name the window head as 帮办员, or set \`windowHead: true\` if ${p.name} is the window head.`,
        { unit: u.id, unitZh: u.zh, person: p.name, clause },
        p.windowHead === undefined ? ptr : `${ptr}/windowHead`,
      );
    });
  }
}

function describe(roster: RosterModel, c: RosterChange, i: number): string {
  const who = c.out !== undefined && c.in !== undefined ? `${c.out} → ${c.in}` : c.out !== undefined ? `${c.out} leaves` : `${c.in} joins`;
  return `change ${i + 1} (${roster.byId.get(c.unit)?.zh ?? c.unit}, ${c.date}: ${who})`;
}

function checkChanges(roster: RosterModel, rules: StaffingDoc, sink: RosterSink): void {
  const ch = rules.changes;
  const exempt = (c: RosterChange) => ch?.unlessSpecial === true && c.special === true;
  const otherwise = ch?.unlessSpecial ? "; or, if it is a 特殊情况, mark the change `special: true` with its `reason`" : "";
  roster.changes.forEach((c, i) => {
    const ptr = `/changes/${i}`;
    const what = describe(roster, c, i);
    const unit = roster.byId.get(c.unit)!;
    if (ch) {
      const clause = ch.source.clause;
      if (ch.onlyInMonth !== undefined && monthOf(c.date) !== ch.onlyInMonth && !exempt(c)) {
        const month = `${MONTHS[ch.onlyInMonth - 1]} (${ch.onlyInMonth}月${ch.onlyInMonth === 12 ? ", 年底" : ""})`;
        sink.error("ROSTER_CHANGE_NOT_YEAR_END", `${what} takes effect outside ${month}; ${clause} allows changes only then (应于每年年底集中调整) unless there are special circumstances. Move it to ${MONTHS[ch.onlyInMonth - 1]}${otherwise}.`, { change: i, date: c.date, month: ch.onlyInMonth, clause }, `${ptr}/date`);
      }
      if (ch.minTenureYears !== undefined && c.out !== undefined && !exempt(c)) {
        const p = unit.people.find((x) => x.name === c.out);
        const enough = p ? addYears(p.from, ch.minTenureYears) : null;
        if (p && enough && c.date < enough) {
          sink.error("ROSTER_TENURE", `${c.out} leaves ${unit.zh} on ${c.date} after serving since ${p.from}, less than ${ch.minTenureYears} years (reached on ${enough}); ${clause} requires ${ch.minTenureYears} years' service (${ch.minTenureYears}年以上) unless there are special circumstances. Keep ${c.out} in post until ${enough} or later${otherwise}.`, { change: i, person: c.out, from: p.from, date: c.date, minYears: ch.minTenureYears, clause }, `${ptr}/out`);
        }
      }
      if (ch.specialNeedsReason && c.special === true && (c.reason === undefined || c.reason.trim() === "")) {
        sink.error("ROSTER_SPECIAL_REASON", `${what} is marked special but gives no reason; ${clause} allows exceptions only for 特殊情况, so state it: add \`reason: …\`.`, { change: i, clause }, `${ptr}/special`);
      }
    }
    const clause = ch?.source.clause ?? rules.filing?.source.clause ?? null;
    const mismatch = (person: string, detail: string, pointer: string) => sink.error("ROSTER_CHANGE_MISMATCH", `${what}: ${detail}`, { unit: c.unit, unitZh: unit.zh, person, detail, clause }, pointer);
    const role = ROLE_ZH[unit.list];
    if (c.out !== undefined) {
      const p = unit.people.find((x) => x.name === c.out);
      const dayBefore = addDays(c.date, -1);
      if (!p) mismatch(c.out, `${c.out} is not a ${role} of ${unit.zh}; add them to its \`${unit.list}\`, or correct the name.`, `${ptr}/out`);
      else if (p.until !== dayBefore) mismatch(c.out, `${c.out}'s last day should be ${dayBefore}, the day before the change, but their \`until\` is ${p.until ?? "not given (still in post)"}; make the two agree.`, `${ptr}/out`);
    }
    if (c.in !== undefined) {
      const p = unit.people.find((x) => x.name === c.in);
      if (!p) mismatch(c.in, `${c.in} is not a ${role} of ${unit.zh}; add them to its \`${unit.list}\` with \`from: ${c.date}\`, or correct the name.`, `${ptr}/in`);
      else if (p.from !== c.date) mismatch(c.in, `${c.in}'s \`from\` is ${p.from}, but the change takes effect on ${c.date}; make the two agree.`, `${ptr}/in`);
    }
  });
  // People who joined after `since`, or left, with no change recording it.
  const { since } = roster.header;
  for (const u of roster.units) {
    u.people.forEach((p, j) => {
      const ptr = `${u.ptr}/${u.list}/${j}`;
      const mine = roster.changes.filter((c) => c.unit === u.id);
      const clause = ch?.source.clause ?? rules.filing?.source.clause ?? null;
      if (p.from > since && !mine.some((c) => c.in === p.name)) {
        sink.error("ROSTER_CHANGE_MISMATCH", `${p.name} became a ${ROLE_ZH[u.list]} of ${u.zh} on ${p.from}, after the roster's start (${since}), but no change records it; add a change with \`in: ${p.name}\` and \`date: ${p.from}\` (filed and approved), or correct \`from\`.`, { unit: u.id, unitZh: u.zh, person: p.name, detail: "unrecorded addition", clause }, `${ptr}/from`);
      }
      if (p.until !== undefined && !mine.some((c) => c.out === p.name)) {
        sink.error("ROSTER_CHANGE_MISMATCH", `${p.name} left ${u.zh} after ${p.until}, but no change records it; add a change with \`out: ${p.name}\` and \`date: ${addDays(p.until, 1)}\` (filed and approved), or remove \`until\`.`, { unit: u.id, unitZh: u.zh, person: p.name, detail: "unrecorded departure", clause }, `${ptr}/until`);
      }
    });
  }
}

function checkFiling(roster: RosterModel, rule: NonNullable<StaffingDoc["filing"]>, units: ReadonlyMap<string, UnitDoc>, sink: RosterSink, city: string): void {
  const clause = rule.source.clause;
  const unit = units.get(rule.filedWith);
  // The document's 市行政审批局 is, by its full name, 兴化市行政审批局: the city's name in place of 市.
  const full = unit && city && unit.zh.startsWith("市") ? `${city}${unit.zh.slice(1)}` : null;
  const names = new Set([rule.filedWith, ...(unit ? [unit.zh] : []), ...(full ? [full] : [])]);
  const label = unit?.zh ?? rule.filedWith;
  const check = (rec: { filedWith?: string; filedOn?: string; approved?: boolean }, effective: string, ptr: string, change: number | null, what: string) => {
    const missing: string[] = [];
    let at: string | null = null;
    const issues: string[] = [];
    if (rec.filedWith === undefined) {
      missing.push("filedWith");
      issues.push("no `filedWith`");
    } else if (!names.has(rec.filedWith)) {
      missing.push("filedWith");
      issues.push(`it was filed with ${rec.filedWith}, not ${label}`);
      at ??= `${ptr}/filedWith`;
    }
    if (rec.filedOn === undefined) {
      missing.push("filedOn");
      issues.push("no `filedOn`");
    } else if (rule.inAdvance && rec.filedOn > effective) {
      missing.push("filedOn");
      issues.push(`it was filed on ${rec.filedOn}, after it took effect on ${effective}`);
      at ??= `${ptr}/filedOn`;
    }
    if (rule.approvalRequired && rec.approved !== true) {
      missing.push("approved");
      issues.push(rec.approved === false ? "`approved: false`" : "no `approved: true`");
      at ??= rec.approved === false ? `${ptr}/approved` : null;
    }
    if (!missing.length) return;
    // Several issues, or only absent fields: the record itself is the place; one wrong value: that value.
    const place = missing.length === 1 && at ? at : ptr;
    const need = [`filed with ${label}`, rule.inAdvance ? `no later than ${effective}, the day it takes effect,` : null, rule.approvalRequired ? `and approved by it` : null].filter(Boolean).join(" ");
    sink.error("ROSTER_CHANGE_NOT_FILED", `${what} is not properly filed: ${issues.join(", ")}; ${clause} requires it to be ${need}. Record \`filedWith: ${label}\`, \`filedOn: <date>\`${rule.approvalRequired ? " and `approved: true`" : ""} once that is done.`, { change, missing, clause }, place);
  };
  check(roster.header, roster.header.since, "/roster", null, `The initial staffing plan (选配方案, in effect from ${roster.header.since})`);
  roster.changes.forEach((c, i) => check(c, c.date, `/changes/${i}`, i, describe(roster, c, i)));
}

function checkCadres(roster: RosterModel, rule: NonNullable<StaffingDoc["cadres"]>, sink: RosterSink): void {
  const clause = rule.source.clause;
  for (const u of roster.units) {
    const allowed = u.list === "agents" ? rule.agents : rule.helpers;
    if (!allowed) continue;
    u.people.forEach((p, j) => {
      if (allowed.includes(p.cadre)) return;
      const words = allowed.map((a) => `${a} (${CADRE_ZH[a]})`).join(" or ");
      sink.warn("ROSTER_CADRE", `${p.name}, ${ROLE_ZH[u.list]} of ${u.zh}, is recorded as cadre \`${p.cadre}\` (${CADRE_ZH[p.cadre]}); ${clause} names ${words} for ${ROLE_ZH[u.list]}. This is scored, not invalid.`, { unit: u.id, unitZh: u.zh, person: p.name, cadre: p.cadre, cadreZh: CADRE_ZH[p.cadre], allowed: [...allowed], allowedZh: allowed.map((a) => CADRE_ZH[a]), clause }, `${u.ptr}/${u.list}/${j}/cadre`);
    });
  }
}
