/**
 * Try a case: a form generated from the pack's input schema (case-form.ts), the answer from
 * evaluate() explained in Chinese by explain(), and each deadline's day-by-day ledger on a calendar
 * that marks holidays and 调休 days.
 */
import { evaluate, explain, inputSchema, YingshangError, type CaseInput, type Pack, type PeriodDeadlineResult } from "../../core.js";
import { h, fill } from "./dom.js";
import type { ViewContext } from "./state.js";
import { renderLedgerCalendar } from "./calendar-view.js";
import { group, schemaField, type FormField } from "./case-form.js";
import { problemLine } from "./words.js";

type Node = { readonly [k: string]: unknown };

/** The lookup keys a string fact is looked up by (offered as suggestions). */
function lookupKeys(pack: Pack, fact: string): string[] {
  const keys: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.lookup === "string" && o.key === fact) keys.push(...Object.keys(pack.docs.assignment.lookups?.[o.lookup]?.entries ?? {}));
      Object.values(o).forEach(visit);
    }
  };
  visit(pack.docs.assignment.tables);
  return [...new Set(keys)];
}

/** Each deadline's events: the start day in view, the other events (stops, 补正, 延期, 办结) folded. */
function deadlineEvents(schema: Node, events: Node): { el: HTMLElement; read: () => unknown }[] {
  const defs = (schema.$defs as Record<string, Node>).events!;
  const props = defs.properties as Record<string, Node>;
  return Object.entries((events.properties ?? {}) as Record<string, Node>).map(([id, node]) => {
    const fields = Object.keys(props).map((k) => ({ k, ...schemaField(schema, props[k]!, ["events", id, k]) }));
    const [first, ...rest] = fields;
    const title = typeof node.title === "string" ? node.title : id;
    const el = h(
      "fieldset",
      { class: "group deadline-events", "data-deadline": id },
      h("legend", { title: `键名：${id}`, "data-key": id }, title),
      first!.el,
      h("details", {}, h("summary", {}, rest.map((f) => (props[f.k]!.title as string | undefined) ?? f.k).join("、")), rest.map((f) => f.el)),
    );
    return {
      el,
      read: () => {
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          const v = f.read();
          if (v !== undefined) out[f.k] = v;
        }
        return Object.keys(out).length ? { id, value: out } : undefined;
      },
    };
  });
}

/** A part of the case shown folded (督办经过, 考核评分): a group of the schema's properties. */
function folded(schema: Node, key: string, hint: string): FormField | null {
  const node = (schema.properties as Record<string, Node>)[key];
  if (!node || Object.keys((node.properties ?? {}) as object).length === 0) return null;
  const g = group(schema, node, [key]);
  return { el: h("details", { class: "case-part", "data-part": key }, h("summary", {}, `${String(node.title ?? key)}（${hint}）`), g.el), read: g.read };
}

export function renderCase(ctx: ViewContext): HTMLElement {
  const pack = ctx.state.edited().pack;
  if (!pack) return h("p", { class: "notice bad" }, "政策包有问题，无法编译：请先在“编辑”中改正，才能试算。");
  // The form is the schema the engine checks the case against: nothing offered that it would refuse.
  const schema = inputSchema(pack) as Node;
  const props = schema.properties as Record<string, Node>;
  const asOf = schemaField(schema, props.asOf!, ["asOf"]);
  const asOfInput = asOf.el.querySelector("input")!;
  asOfInput.value = pack.meta.effective.from > "2026-03-02" ? pack.meta.effective.from : "2026-03-02";
  asOfInput.required = true;
  asOfInput.dispatchEvent(new Event("input")); // its Chinese reading beside it
  const now = schemaField(schema, { ...props.now!, title: `${String(props.now!.title ?? "now")}（只填日期即当日17时；可不填）` }, ["now"]);
  const facts = group(schema, props.facts!, ["facts"], { suggestions: (path) => (path.length === 2 ? lookupKeys(pack, path[1]!) : []) });
  const deadlines = deadlineEvents(schema, props.events!);
  const history = folded(schema, "history", "可不填");
  const scoring = folded(schema, "scoring", "可不填");
  const result = h("div", { id: "case-result", class: "case-result" });
  const run = () => {
    // A date the form cannot read is said beside its field; the case is not sent until it is mended.
    const bad = [...form.querySelectorAll<HTMLInputElement>('input.date-input[aria-invalid="true"]')];
    if (bad.length) {
      fill(result, h("h3", { class: "bad" }, "不能计算"), h("ol", { class: "problems" }, bad.map((i) => h("li", { class: "problem date-problem", "data-field": i.id }, `${form.querySelector(`label[for="${i.id}"]`)?.firstChild?.textContent ?? i.name}：${i.validationMessage}`))));
      bad[0]!.focus();
      return;
    }
    let input: CaseInput;
    try {
      input = { asOf: String(asOf.read() ?? ""), facts: (facts.read() ?? {}) as CaseInput["facts"] };
      const events: Record<string, unknown> = {};
      for (const d of deadlines) {
        const v = d.read() as { id: string; value: unknown } | undefined;
        if (v) events[v.id] = v.value;
      }
      if (Object.keys(events).length) input.events = events as CaseInput["events"];
      const n = now.read();
      // A day alone is judged at 17:00 that day (the label says so); a time given is kept as given.
      if (typeof n === "string") input.now = /^\d{4}-\d{2}-\d{2}$/.test(n) ? `${n}T17:00:00+08:00` : n;
      const hist = history?.read();
      if (hist !== undefined) input.history = hist as CaseInput["history"];
      const sc = scoring?.read();
      if (sc !== undefined) input.scoring = sc as CaseInput["scoring"];
    } catch {
      fill(result, h("p", { class: "bad" }, "有一项 JSON 写得不对，请检查。"));
      return;
    }
    try {
      const r = evaluate(pack, input);
      const e = explain(pack, r, { lang: "zh", input });
      fill(
        result,
        h("h3", {}, "答案与理由"),
        e.sections.map((s) =>
          h(
            "section",
            { class: `explain ${s.area}`, "data-section": s.id },
            h("h4", {}, s.title),
            h("p", { class: "summary" }, s.summary),
            h("ul", {}, s.lines.filter((l) => l.kind !== "ledger").map((l) => h("li", { class: `line ${l.kind}` }, l.text))),
            s.area === "deadline" && "ledger" in r.deadlines[s.id]! ? renderLedgerCalendar(pack, r.deadlines[s.id] as PeriodDeadlineResult, s.lines.filter((l) => l.kind === "ledger")) : null,
          ),
        ),
        e.sections.length ? null : h("p", { class: "muted" }, e.text),
        h("details", {}, h("summary", {}, "全文（与 yingshang explain 相同）"), h("pre", { class: "explain-text" }, e.text)),
      );
    } catch (err) {
      if (!(err instanceof YingshangError)) throw err;
      fill(result, h("h3", { class: "bad" }, "不能计算"), h("ol", { class: "problems" }, err.problems.map((p) => h("li", { class: "problem", "data-code": p.code }, problemLine(p)))));
    }
  };
  // novalidate: the page says what is wrong, in Chinese beside each field, not the browser's bubble.
  const form = h(
    "form",
    { id: "case-form", class: "case-form", novalidate: true, onsubmit: (ev: Event) => (ev.preventDefault(), run()) },
    h("fieldset", {}, h("legend", {}, "日期"), asOf.el, now.el),
    facts.el,
    deadlines.length ? h("fieldset", { class: "events" }, h("legend", {}, `${String(props.events!.title ?? "events")}（填了受理时间才计算该时限）`), deadlines.map((d) => d.el)) : null,
    history?.el,
    scoring?.el,
    h("button", { type: "submit", id: "evaluate", class: "primary" }, "计算并解释"),
  );
  return h("div", { class: "case-view" }, form, result);
}
