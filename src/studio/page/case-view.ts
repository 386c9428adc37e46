/**
 * Try a case: a form built from the pack's declared facts (one field per fact, of its type), the
 * answer from evaluate() explained in Chinese by explain(), and each deadline's day-by-day ledger
 * on a calendar that marks holidays and 调休 days.
 */
import { evaluate, explain, YingshangError, type CaseInput, type FactDoc, type Pack, type PeriodDeadlineResult } from "../../core.js";
import { h, fill } from "./dom.js";
import type { ViewContext } from "./main.js";
import { renderLedgerCalendar } from "./calendar-view.js";
import { problemLine } from "./words.js";

type Reader = () => unknown;

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

/** One form field for a fact, and how to read its value (undefined: not given). */
function field(pack: Pack, name: string, doc: FactDoc): { el: HTMLElement; read: Reader } {
  const id = `fact-${name}`;
  const label = h("label", { for: id }, doc.zh ?? name, " ", h("code", {}, name));
  const wrap = (input: HTMLElement, read: Reader) => ({ el: h("div", { class: "field", "data-fact": name }, label, input), read });
  const none = h("option", { value: "" }, "（不填）");
  switch (doc.type) {
    case "enum": {
      const s = h("select", { id, name }, none, (doc.values ?? []).map((v) => h("option", { value: v }, doc.valuesZh?.[v] ?? v)));
      return wrap(s, () => s.value || undefined);
    }
    case "boolean": {
      const s = h("select", { id, name }, none, h("option", { value: "true" }, "是"), h("option", { value: "false" }, "否"));
      return wrap(s, () => (s.value === "" ? undefined : s.value === "true"));
    }
    case "number": {
      const i = h("input", { id, name, type: "number", min: doc.min, max: doc.max, step: "any" });
      return wrap(i, () => (i.value === "" ? undefined : Number(i.value)));
    }
    case "date": {
      const i = h("input", { id, name, type: "date" });
      return wrap(i, () => i.value || undefined);
    }
    case "unit": {
      const kinds = doc.kinds ? new Set<string>(doc.kinds) : null;
      const s = h("select", { id, name }, none, [...pack.units.values()].filter((u) => !kinds || kinds.has(u.kind)).map((u) => h("option", { value: u.id }, u.zh)));
      return wrap(s, () => s.value || undefined);
    }
    case "list": {
      if (doc.values?.length) {
        const boxes = doc.values.map((v) => h("input", { type: "checkbox", value: v, name }));
        const group = h("div", { id, class: "checks" }, boxes.map((b, i) => h("label", {}, b, doc.valuesZh?.[doc.values![i]!] ?? doc.values![i]!)));
        return wrap(group, () => {
          const on = boxes.filter((b) => b.checked).map((b) => b.value);
          return on.length ? on : undefined;
        });
      }
      const i = h("input", { id, name, type: "text", placeholder: "用顿号或逗号分隔" });
      return wrap(i, () => (i.value.trim() ? i.value.split(/[,，、]\s*/).filter(Boolean) : undefined));
    }
    case "object": {
      const t = h("textarea", { id, name, rows: 2, placeholder: "JSON" });
      return wrap(t, () => (t.value.trim() ? (JSON.parse(t.value) as unknown) : undefined));
    }
    default: {
      const keys = lookupKeys(pack, name);
      const list = keys.length ? h("datalist", { id: `${id}-list` }, keys.map((k) => h("option", { value: k }))) : null;
      const i = h("input", { id, name, type: "text", list: list ? `${id}-list` : null });
      return { el: h("div", { class: "field", "data-fact": name }, label, i, list), read: () => i.value || undefined };
    }
  }
}

export function renderCase(ctx: ViewContext): HTMLElement {
  const pack = ctx.state.edited().pack;
  if (!pack) return h("p", { class: "notice bad" }, "政策包有问题，无法编译：请先在“编辑”中改正，才能试算。");
  const fields = Object.entries(pack.facts).map(([n, d]) => ({ name: n, ...field(pack, n, d) }));
  const asOf = h("input", { id: "case-asOf", type: "date", value: pack.meta.effective.from > "2026-03-02" ? pack.meta.effective.from : "2026-03-02", required: true });
  const now = h("input", { id: "case-now", type: "date" });
  const periodDeadlines = [...new Set(pack.compiled.deadlines.filter((d) => !("schedule" in d.doc) || !d.doc.schedule).map((d) => d.id))];
  const received = periodDeadlines.map((id) => {
    const d = pack.docs.deadlines.find((x) => x.id === id);
    const i = h("input", { type: "date", id: `received-${id}`, "data-deadline": id });
    return { id, i, el: h("div", { class: "field" }, h("label", { for: `received-${id}` }, d?.zh ?? id, "：", d?.starts ?? "开始", " ", h("code", {}, id)), i) };
  });
  const result = h("div", { id: "case-result", class: "case-result" });
  const run = () => {
    let input: CaseInput;
    try {
      const facts: Record<string, unknown> = {};
      for (const f of fields) {
        const v = f.read();
        if (v !== undefined) facts[f.name] = v;
      }
      const events: CaseInput["events"] = {};
      for (const r of received) if (r.i.value) events[r.id] = { received: r.i.value };
      input = { asOf: asOf.value, facts, events };
      if (now.value) input.now = `${now.value}T17:00:00+08:00`;
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
  return h(
    "div",
    { class: "case-view" },
    h(
      "form",
      { id: "case-form", class: "case-form", onsubmit: (ev: Event) => (ev.preventDefault(), run()) },
      h("fieldset", {}, h("legend", {}, "日期"), h("div", { class: "field" }, h("label", { for: "case-asOf" }, "按哪一天施行的规定"), asOf), h("div", { class: "field" }, h("label", { for: "case-now" }, "查看进度的日期（可不填）"), now)),
      h("fieldset", {}, h("legend", {}, "案件事实（按政策包的事实定义生成）"), fields.map((f) => f.el)),
      received.length ? h("fieldset", {}, h("legend", {}, "时限的起算日期（填了才计算该时限）"), received.map((r) => r.el)) : null,
      h("button", { type: "submit", id: "evaluate", class: "primary" }, "计算并解释"),
    ),
    result,
  );
}
