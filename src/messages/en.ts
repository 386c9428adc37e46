/**
 * The English sentence of every problem code, written from its params alone (the place is printed
 * by the caller). Used for `lang: "en"` when a problem carries no sentence of its own, e.g. one
 * read back from JSON. Add a sentence here (and in zh.ts) with every new code.
 */
import type { Catalog } from "./types.js";

const list = (xs: readonly string[]): string => (xs.length ? xs.map((x) => `\`${x}\``).join(", ") : "(none)");
const maybe = (s: string | null): string => (s ? `; did you mean \`${s}\`?` : ".");
const facts = (f: Record<string, unknown>): string => Object.entries(f).map(([k, v]) => `${k} = ${typeof v === "string" ? v : JSON.stringify(v)}`).join(", ") || "any facts";
const where = (pl: { path?: string; line?: number }): string => (pl.path && pl.line === undefined ? `\`${pl.path}\`: ` : "");

export const en: Catalog = {
  INPUT_INVALID: (p, pl) => `${where(pl)}invalid input (${p.detail}).`,
  FILE_MISSING: (p) => `\`${p.file}\` does not exist or cannot be read; check the path.`,
  FILE_ENCODING: (p) => `\`${p.file}\` is not valid UTF-8; save it as UTF-8.`,
  PATH_ESCAPE: (p) => `\`${p.path}\` points outside the pack folder; a pack may only read its own files.`,
  LIMIT_EXCEEDED: (p) => `${p.what} is ${p.actual}, over the limit of ${p.limit}.`,
  YAML_SYNTAX: (p) => `this is not valid YAML: ${p.detail}`,
  YAML_DUPLICATE_KEY: () => "this key appears twice in the same mapping; keep one (YAML would silently keep only the last).",
  YAML_FORBIDDEN_KEY: (p) => `the key "${p.key}" is not allowed (it could alter object prototypes); rename it.`,
  YAML_NON_STRING_KEY: (p) => `key ${p.key} is not text; keys must be words (quote it: "${p.key}").`,
  YAML_UNSAFE_NUMBER: (p) => `${p.value} cannot be represented exactly; write a number below 2^53 (or quote it if it is text).`,
  SCHEMA_UNKNOWN_KEY: (p, pl) => `\`${p.key}\` is not a field here${pl.path ? ` (\`${pl.path}\`)` : ""}${p.suggestion ? `; did you mean \`${p.suggestion}\`?` : `; allowed: ${list(p.allowed)}.`}`,
  SCHEMA_MISSING_KEY: (p) => `\`${p.key}\` is required here; add it.`,
  SCHEMA_TYPE: (p, pl) => `${where(pl)}this should be ${p.expected}, not ${p.actual}.`,
  SCHEMA_ENUM: (p, pl) => `${where(pl)}\`${p.actual}\` is not allowed; use one of: ${list(p.allowed)}${p.suggestion ? ` (did you mean \`${p.suggestion}\`?)` : ""}.`,
  SCHEMA_VIOLATION: (p, pl) => `${where(pl)}${p.detail || "this value is not valid"} (${p.keyword}).`,
  PACK_INVALID_DATE: (p) => `\`${p.value}\` is not a real date; write YYYY-MM-DD (e.g. 2024-02-23).`,
  PACK_ID_MISMATCH: (p) => `the pack id \`${p.id}\` differs from its folder name \`${p.folder}\`; make them the same.`,
  UNKNOWN_REFERENCE: (p) => `there is no ${p.kind} \`${p.id}\`${maybe(p.suggestion)}`,
  DUPLICATE_ID: (p) => `the ${p.kind} \`${p.id}\` is declared more than once (first at ${p.firstFile}${p.firstLine !== null ? `:${p.firstLine}` : ""}); each id may be used once.`,
  LADDER_INVALID: (p) => `ladder \`${p.ladder}\` is invalid: ${p.detail}.`,
  SCORE_TOTAL_MISMATCH: (p) => `scorecard \`${p.scorecard}\` declares a total of ${p.declared}, but its categories add up to ${p.sum}; correct one of them.`,
  AMBIGUOUS_TABLE: (p) => `in table \`${p.table}\`, rules ${list(p.rules)} can both apply to the same case (${facts(p.facts)}) where only one may; narrow one of them.`,
  TABLE_GAP: (p) => `table \`${p.table}\` must give one lead unit but gives none for ${facts(p.facts)}; add a rule.`,
  EFFECTIVE_INVALID: (p) => `invalid effective dates: ${p.detail}.`,
  CONDITION_INVALID: (p) => `this condition cannot be evaluated as written: ${p.detail}.`,
  TEST_INVALID: (p) => `malformed test entry: ${p.detail}.`,
  PACK_NOT_IN_FORCE: (p) => `the pack is in force from ${p.from}${p.until ? ` until ${p.until}` : ""}; it does not apply on ${p.asOf}.`,
  FACT_MISSING: (p) => `the fact \`${p.fact}\` is needed by \`${p.rule}\` but was not given.`,
  FACT_TYPE: (p) => `the fact \`${p.fact}\` must be ${p.expected}, but it is ${p.actual}${p.rule ? ` (rule \`${p.rule}\` reads it)` : ""}.`,
  FACT_ENUM: (p) => `the fact \`${p.fact}\` is \`${p.value}\`, which is not one of its values (${list(p.allowed)})${p.rule ? `; rule \`${p.rule}\` reads it` : ""}.`,
  INPUT_MISSING_KEY: (p, pl) => `the case input needs \`${pl.path ?? p.key}\`; add it.`,
  INPUT_TYPE: (p, pl) => `\`${pl.path || "the case"}\` must be ${p.expected}, but it is ${p.actual}.`,
  INPUT_VALUE: (p, pl) => `${where(pl)}\`${p.value}\` is not one of ${list(p.allowed)}${maybe(p.suggestion)}`,
  INPUT_ONE_OF: (p, pl) => (p.given.length === 0 ? `${where(pl)}give one of ${list(p.keys)}.` : `${where(pl)}${list(p.given)} are given together; give exactly one of them.`),
  INPUT_UNKNOWN_KEY: (p, pl) => `\`${pl.path ?? p.key}\` is not a key of this input${p.suggestion ? `; did you mean \`${p.suggestion}\`?` : `; allowed: ${list(p.allowed)}.`}`,
  FACT_UNKNOWN: (p) => `the fact \`${p.fact}\` is not declared by this pack${maybe(p.suggestion)}`,
  RULE_UNKNOWN: (p) => `this pack has no ${p.kind} \`${p.id}\`; it has: ${list(p.known)}.`,
  AMBIGUOUS_MATCH: (p) => `table \`${p.table}\` allows one rule to apply, but ${list(p.rules)} all apply to these facts; the pack needs correcting.`,
  NO_VARIANT: (p) => `no variant of deadline \`${p.deadline}\` applies to these facts; check the facts against the variants' conditions.`,
  REQUIREMENT_FAILED: (p) => `a requirement of \`${p.rule}\` does not hold: ${p.message}`,
  ESCALATION_SKIPPED_RUNG: (p) =>
    p.from === "(start)" ? `ladder \`${p.ladder}\` cannot start at \`${p.to}\`; a case starts at the first rung.` : `ladder \`${p.ladder}\` goes one rung at a time: \`${p.from}\` cannot go straight to \`${p.to}\`, and no jump allows it for these facts.`,
  HISTORY_INVALID: (p) => `the history of ladder \`${p.ladder}\` is invalid: ${p.detail}.`,
  SCORING_INPUT_INVALID: (p) => `the scoring input of scorecard \`${p.scorecard}\` is invalid: ${p.detail}.`,
  ROSTER_NO_STAFFING_RULES: (p) => `pack \`${p.pack}\` has no staffing.yaml, so there are no staffing rules to check a roster against.`,
  ROSTER_INVALID: (p) => `the roster is invalid: ${p.detail}.`,
  ROSTER_AGENT_COUNT: (p) => `\`${p.unit}\` has ${p.count} 代办员 in post from ${p.date} to ${p.until}; ${p.clause} allows ${p.min ?? 0}…${p.max ?? "any"}.`,
  ROSTER_HELPER_COUNT: (p) => `\`${p.unit}\` has ${p.count} 帮办员 in post from ${p.date} to ${p.until}; ${p.clause} allows ${p.min ?? 0}…${p.max ?? "any"}.`,
  ROSTER_WINDOW_HEAD: (p) => `\`${p.unit}\` has a window, but its 帮办员 ${p.person} is not the window head (窗口负责人) ${p.clause} requires.`,
  ROSTER_CHANGE_NOT_YEAR_END: (p) => `change ${p.change + 1} takes effect on ${p.date}, outside month ${p.month}; ${p.clause} allows changes only then unless marked special.`,
  ROSTER_TENURE: (p) => `in change ${p.change + 1}, ${p.person} leaves on ${p.date} after serving since ${p.from}, less than ${p.minYears} years (${p.clause}).`,
  ROSTER_CHANGE_NOT_FILED: (p) => `${p.change === null ? "the initial plan" : `change ${p.change + 1}`} is not properly filed (missing: ${list(p.missing)}); see ${p.clause}.`,
  ROSTER_SPECIAL_REASON: (p) => `change ${p.change + 1} is marked special but gives no reason; ${p.clause} allows exceptions only for 特殊情况: add \`reason\`.`,
  ROSTER_CHANGE_MISMATCH: (p) => `\`${p.unit}\`, ${p.person}: the changes and the people lists disagree (${p.detail})${p.clause ? `; see ${p.clause}` : ""}.`,
  ROSTER_NO_AGENCY_WINDOW: (p) => `\`${p.unit}\` has no 项目代办专窗; ${p.clause} requires one. This is scored, not invalid.`,
  ROSTER_CADRE: (p) => `${p.person} (\`${p.unit}\`) is recorded as cadre \`${p.cadre}\`; ${p.clause} names ${list(p.allowed)}. This is scored, not invalid.`,
  DATE_OUT_OF_RANGE: (p) => `${p.date} is outside the loaded calendar (${p.from} to ${p.to}); load a calendar file covering that year.`,
  INVALID_DATE: (p) => `\`${p.value}\` is not a real date or instant; write YYYY-MM-DD.`,
  INVALID_COUNT: (p) => `\`${p.value}\` is not a whole number of days; write one, e.g. 15.`,
  CALENDAR_YAML: (p) => `the calendar file is not valid YAML: ${p.detail}`,
  CALENDAR_SCHEMA: (p) => `the calendar file does not follow schema/calendar.schema.json: ${p.detail}.`,
  CALENDAR_CONFLICT: (p) => `${p.date} conflicts with the calendar (${p.reason}); remove or correct one of the entries.`,
  CALENDAR_YEAR: (p) => (p.reason === "duplicate-year" ? `the year ${p.year} is given twice; keep one, or mark the new one \`replace: true\`.` : `the year ${p.year} is missing between two covered years.`),
  CALENDAR_INCOMPLETE: (p) =>
    p.reason === "not-checkable"
      ? `the year ${p.year} is outside the statutory-holiday table and cannot be checked; mark it \`provisional: true\` to use it unchecked.`
      : `the year ${p.year} does not give off every statutory holiday: ${p.missing.map((d) => `${d.date} ${d.name}`).join(", ")} missing; copy the whole notice, or mark the year \`provisional: true\` until it is published.`,
  CALENDAR_UNUSED: (p) =>
    p.reason === "ambiguous"
      ? `several calendars given extend \`${p.packCalendar}\` and none extends the others; give one, or chain them.`
      : `the calendar \`${p.id}\` was given, but the pack uses \`${p.packCalendar}\`, which it neither is nor extends, so it would be ignored; write \`extends: ${p.packCalendar}\` or leave it out.`,
  NOTICE_INVALID: (p) => `the notice text cannot be read safely (${p.reason})${p.sentence ? ` in 「${p.sentence}」` : ""}; check it against the published notice.`,
  CALENDAR_UNKNOWN: (p) => `no calendar named \`${p.name}\`; known: ${list(p.known)}.`,
  PERIOD_INVALID: (p) => `the period is not valid: ${p.detail}.`,
  EVENTS_INVALID: (p) => `the case events are not valid: ${p.detail}.`,
  EXTENSION_AFTER_EXPIRY: (p) => `the extension was requested on ${p.requestedOn}, after the deadline had passed (${p.dueDate}); ask before it passes${p.clause ? ` (${p.clause})` : ""}.`,
  EXTENSION_OVER_CAP: (p) =>
    p.cap === 0 && p.clause
      ? `an extension of ${p.requested} days is refused: the period already takes its whole maximum (${p.clause}).`
      : p.cap === 0
        ? "this period has no extensionCap, so it cannot be extended."
        : `an extension of ${p.requested} days is over the cap: at most ${p.allowed} more (cap ${p.cap}${p.clause ? `, ${p.clause}` : ""}).`,
  OTHERWISE_UNREACHABLE: (p) => `the fact \`${p.fact}\` has a \`default\`, so it is never missing and \`otherwise\` would never be used; drop the default or drop \`otherwise\`.`,
  LEAD_NOT_ONE: (p) => `table \`${p.table}\` gives exactly one lead unit, but rule \`${p.rule}\` names ${p.count} joint leads; name one, or drop \`exactlyOneLead\` from the table.`,
  QUOTE_NUMBER_MISMATCH: (p) => `the number ${p.value} (${p.what}) is not in this rule's quote (${p.clause}: "${p.quote.length > 60 ? `${p.quote.slice(0, 60)}…` : p.quote}"); correct the number, or quote the words that give it.`,
  ASSUMPTION_UNMARKED: (p) => `${p.what} is a value the pack chose, not one the document gives; mark it with \`assumption: { zh: 理由 }\` so that explain and coverage show it.`,
  TODO_PLACEHOLDER: (p) => `"${p.text}" is a placeholder left by yingshang new; replace it with the document's own words.`,
  ESCALATION_EXCLUDED_PATH: (p) => `ladder \`${p.ladder}\`: these facts require jump \`${p.jump}\`, so the case cannot step from \`${p.from}\` to \`${p.to}\` (the two paths exclude each other).`,
  USAGE_INVALID: (p) => `${p.reason.replace(/-/g, " ")}${p.word ? `: ${p.word}` : ""}; see \`yingshang ${p.command === "yingshang" ? "" : `${p.command} `}--help\`.`,
  PACK_UNKNOWN: (p) => `this server has no pack \`${p.pack}\`; it serves ${list(p.known)}.`,
  ROUTE_UNKNOWN: (p) => `there is no \`${p.method} ${p.url}\`; GET /v1/openapi.json lists every route.`,
};
