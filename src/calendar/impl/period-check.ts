/** Validation of period specs and case events: every problem names its path. */
import { fail } from "../../errors.js";
import type { CaseEvents, PeriodSpec } from "../period-types.js";

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 1;

function bad(path: string, detail: string, fix: string): never {
  return fail("PERIOD_INVALID", `The period ${path} ${detail}; ${fix}.`, { detail: `${path} ${detail}` }, { path });
}

// A spec frozen all the way down (every pack period is) cannot change, so its check is done once.
const checked = new WeakMap<object, number | null>();

function frozenThrough(spec: PeriodSpec): boolean {
  return Object.isFrozen(spec) && (spec.extensionCap === undefined || Object.isFrozen(spec.extensionCap)) && (spec.totalCap === undefined || Object.isFrozen(spec.totalCap)) && (spec.warnAt === undefined || Object.isFrozen(spec.warnAt));
}

/** Checks a period spec; returns the cutoff in seconds after midnight (or null). */
export function checkSpec(spec: PeriodSpec): number | null {
  if (isObj(spec)) {
    const known = checked.get(spec);
    if (known !== undefined) return known;
  }
  const cutoff = checkSpecOnce(spec);
  if (frozenThrough(spec)) checked.set(spec, cutoff);
  return cutoff;
}

function checkSpecOnce(spec: PeriodSpec): number | null {
  if (!isObj(spec)) bad("spec", "is not an object", "give e.g. { workingDays: 15 }");
  const units = (["workingDays", "days", "sameDay"] as const).filter((k) => spec[k] !== undefined);
  if (units.length !== 1) {
    bad("spec", units.length === 0 ? "has no length" : `has ${units.join(" and ")} together`, "give exactly one of workingDays, days (natural days) or sameDay: true");
  }
  if (spec.workingDays !== undefined && !isCount(spec.workingDays)) bad("spec.workingDays", `is ${JSON.stringify(spec.workingDays)}`, "give a whole number ≥ 1 (use sameDay: true for 当场)");
  if (spec.days !== undefined && !isCount(spec.days)) bad("spec.days", `is ${JSON.stringify(spec.days)}`, "give a whole number ≥ 1 (use sameDay: true for 当场)");
  if (spec.sameDay !== undefined && spec.sameDay !== true) bad("spec.sameDay", `is ${JSON.stringify(spec.sameDay)}`, "write sameDay: true, or give workingDays or days instead");
  if (spec.startDay !== undefined && spec.startDay !== "excluded" && spec.startDay !== "included") {
    bad("spec.startDay", `is ${JSON.stringify(spec.startDay)}`, 'write "excluded" (the default, 民法典 第201条) or "included"');
  }
  let cutoff: number | null = null;
  if (spec.cutoff !== undefined) {
    const m = typeof spec.cutoff === "string" ? /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(spec.cutoff) : null;
    if (!m) bad("spec.cutoff", `is ${JSON.stringify(spec.cutoff)}`, 'write a Shanghai time as "HH:MM", e.g. "17:00"');
    cutoff = Number(m[1]) * 3600 + Number(m[2]) * 60;
  }
  if (spec.extensionCap !== undefined) {
    const c = spec.extensionCap;
    if (!isObj(c)) bad("spec.extensionCap", "is not an object", "give e.g. { workingDays: 10 }");
    const cu = (["workingDays", "days"] as const).filter((k) => c[k] !== undefined);
    if (cu.length !== 1) bad("spec.extensionCap", cu.length ? "has both workingDays and days" : "has no length", "give exactly one of workingDays or days");
    const v = c[cu[0] as "workingDays" | "days"];
    if (!isCount(v)) bad(`spec.extensionCap.${cu[0]}`, `is ${JSON.stringify(v)}`, "give a whole number ≥ 1");
  }
  if (spec.totalCap !== undefined) {
    const t = spec.totalCap;
    if (!isObj(t)) bad("spec.totalCap", "is not an object", "give e.g. { workingDays: 20 }");
    const tu = (["workingDays", "days"] as const).filter((k) => t[k] !== undefined);
    if (tu.length !== 1) bad("spec.totalCap", tu.length ? "has both workingDays and days" : "has no length", "give exactly one of workingDays or days");
    const v = t[tu[0] as "workingDays" | "days"];
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) bad(`spec.totalCap.${tu[0]}`, `is ${JSON.stringify(v)}`, "give a whole number ≥ 0");
    const unit = spec.workingDays !== undefined ? "workingDays" : spec.days !== undefined ? "days" : "sameDay";
    if (tu[0] !== unit) bad("spec.totalCap", `is in ${tu[0]} but the period is in ${unit}`, "give the total in the period's own unit");
    const x = spec.extensionCap;
    if (x !== undefined && isObj(x) && (x.workingDays !== undefined ? "workingDays" : "days") !== tu[0]) bad("spec.extensionCap", "is in another unit than spec.totalCap", "give both in the same unit");
  }
  if (spec.capClause !== undefined && (typeof spec.capClause !== "string" || spec.capClause.length === 0)) bad("spec.capClause", `is ${JSON.stringify(spec.capClause)}`, "give the clause as text, e.g. \"六.3\"");
  if (spec.warnAt !== undefined) {
    if (!Array.isArray(spec.warnAt)) bad("spec.warnAt", "is not a list", "give fractions of the period, e.g. [0.5, 0.75]");
    spec.warnAt.forEach((f, i) => {
      if (typeof f !== "number" || !(f > 0 && f < 1)) bad(`spec.warnAt[${i}]`, `is ${JSON.stringify(f)}`, "give a fraction strictly between 0 and 1, e.g. 0.75");
    });
  }
  return cutoff;
}

/** Structural check of events (types and presence); order checks need the calendar and happen later. */
export function checkEventsShape(events: CaseEvents): void {
  if (!isObj(events)) badE("events", "is not an object", 'give at least { received: "YYYY-MM-DD" }');
  if (typeof events.received !== "string") badE("events.received", "is missing", "give the date (or instant) the matter was received");
  // Plain loops: this runs for every deadline of every case.
  const { pauses, restarts, extensions } = events;
  if (pauses !== undefined) {
    if (!Array.isArray(pauses)) badE("events.pauses", "is not a list", "give a list, or leave it out");
    for (let i = 0; i < pauses.length; i++) {
      const p = pauses[i];
      if (!isObj(p) || typeof p.from !== "string") badE(`events.pauses[${i}].from`, "is missing", "give the day the clock stopped");
      if (p.to !== undefined && typeof p.to !== "string") badE(`events.pauses[${i}].to`, "is not a date", "give the day the clock restarted, or leave it out while the pause lasts");
    }
  }
  if (restarts !== undefined) {
    if (!Array.isArray(restarts)) badE("events.restarts", "is not a list", "give a list, or leave it out");
    for (let i = 0; i < restarts.length; i++) {
      const r = restarts[i];
      if (!isObj(r) || typeof r.on !== "string") badE(`events.restarts[${i}].on`, "is missing", "give the day complete materials arrived");
    }
  }
  if (extensions !== undefined) {
    if (!Array.isArray(extensions)) badE("events.extensions", "is not a list", "give a list, or leave it out");
    for (let i = 0; i < extensions.length; i++) {
      const x = extensions[i];
      if (!isObj(x) || typeof x.requestedOn !== "string") badE(`events.extensions[${i}].requestedOn`, "is missing", "give the day the extension was approved and announced");
      const u = (["workingDays", "days"] as const).filter((k) => x[k] !== undefined);
      if (u.length !== 1) badE(`events.extensions[${i}]`, u.length ? "has both workingDays and days" : "has no length", "give exactly one of workingDays or days");
      const v = x[u[0] as "workingDays" | "days"];
      if (!isCount(v)) badE(`events.extensions[${i}].${u[0]}`, `is ${JSON.stringify(v)}`, "give a whole number ≥ 1");
    }
  }
  if (events.completed !== undefined && typeof events.completed !== "string") badE("events.completed", "is not a date", "give the day the matter was completed, or leave it out");
}

function badE(path: string, detail: string, fix: string): never {
  return fail("EVENTS_INVALID", `The case events ${path} ${detail}; ${fix}.`, { detail: `${path} ${detail}` }, { path });
}
