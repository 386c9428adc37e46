/** `GET /v1/calendar/add|count|info|status`: the working-day calendar, as `yingshang calendar … --json`. */
import type { FastifyInstance } from "fastify";
import { problem } from "../errors.js";
import { parseDay } from "../calendar/impl/days.js";
import { HttpProblem, withReceipt } from "./http.js";
import { queryOf } from "./routes-packs.js";

function required(q: Record<string, string>, key: string, what: string): string {
  const v = q[key];
  if (v === undefined) throw new HttpProblem(400, [problem("INPUT_INVALID", `Give ${key}=${what} in the query string.`, { detail: `${key} missing` }, { path: key })]);
  return v;
}

function count(text: string): number {
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) throw new HttpProblem(400, [problem("INVALID_COUNT", `n must be a whole number of working days (e.g. 15), got "${text}".`, { value: text }, { path: "n" })]);
  return n;
}

export function registerCalendarRoutes(v1: FastifyInstance): void {
  const cal = () => v1.yingshang.registry.calendar();
  const receipt = () => ({ calendar: { id: cal().id, version: cal().version } });
  const any: readonly string[] = [];

  v1.get("/calendar/add", (req, reply) => {
    const q = queryOf(req, { date: any, n: any });
    const date = cal().addWorkingDays(required(q, "date", "YYYY-MM-DD"), count(required(q, "n", "N")));
    return withReceipt(req, reply, receipt(), { date, receipt: receipt() });
  });

  v1.get("/calendar/count", (req, reply) => {
    const q = queryOf(req, { from: any, to: any });
    const workingDays = cal().countWorkingDays(required(q, "from", "YYYY-MM-DD"), required(q, "to", "YYYY-MM-DD"));
    return withReceipt(req, reply, receipt(), { workingDays, receipt: receipt() });
  });

  v1.get("/calendar/info", (req, reply) => {
    const q = queryOf(req, { date: any });
    return withReceipt(req, reply, receipt(), { ...cal().info(required(q, "date", "YYYY-MM-DD")), receipt: receipt() });
  });

  // The calendar's range and how many days are left on a given day (never "today": nothing reads the clock).
  v1.get("/calendar/status", (req, reply) => {
    const q = queryOf(req, { on: any });
    const c = cal();
    const on = c.toDate(required(q, "on", "YYYY-MM-DD"));
    const daysLeft = Math.round(parseDay(c.range.to) - parseDay(on));
    return withReceipt(req, reply, receipt(), { id: c.id, version: c.version, from: c.range.from, to: c.range.to, daysLeft, receipt: receipt() });
  });
}
