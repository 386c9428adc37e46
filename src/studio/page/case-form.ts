/**
 * The case form, generated from the pack's input schema (`inputSchema(pack)`): the same schema the
 * engine checks a case against, so the form offers exactly what a case may hold. Each node becomes
 * a field by its kind: a choice (`oneOf` of consts) is a select showing the Chinese titles and
 * sending the ids; true/false is 是/否; numbers, dates and instants get their inputs; a mapping is a
 * group of its properties; a list of mappings is rows added one by one. Labels are the schema's
 * titles (Chinese), with the key in code beside them. A field left empty is not sent: the engine's
 * check then says, in Chinese, what is missing.
 */
import type { JsonSchema } from "../../core.js";
import { h, fill } from "./dom.js";
import { dateHint, readDateText } from "./date-text.js";

type Node = { readonly [k: string]: unknown };

/** A field: its element and how to read its value (undefined: not given). */
export interface FormField {
  el: HTMLElement;
  read: () => unknown;
}

/** Hooks for particular paths: suggestions for a text field (e.g. lookup keys of a fact). */
export interface FormHooks {
  suggestions?: (path: readonly string[]) => readonly string[];
}

/** The element id of a path; the first ones are kept short and stable (the tests and docs use them). */
export function fieldId(path: readonly string[]): string {
  if (path.length === 1 && (path[0] === "asOf" || path[0] === "now")) return `case-${path[0]}`;
  if (path.length === 2 && path[0] === "facts") return `fact-${path[1]}`;
  if (path.length === 3 && path[0] === "events" && path[2] === "received") return `received-${path[1]}`;
  return `case-${path.join("-")}`;
}

/** The schema a node stands for (a local `$ref` followed, its own title kept). */
function resolve(root: JsonSchema, node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return node;
  let target: unknown = root;
  for (const seg of ref.slice(2).split("/")) target = (target as Node | undefined)?.[seg];
  const { $ref: _ref, ...own } = node;
  return { ...(target as Node), ...own };
}

const choices = (n: Node): { value: string; title: string }[] | null =>
  Array.isArray(n.oneOf) && n.oneOf.length > 0 && n.oneOf.every((b) => b && typeof b === "object" && "const" in b)
    ? (n.oneOf as Node[]).map((b) => ({ value: String(b.const), title: typeof b.title === "string" ? b.title : String(b.const) }))
    : null;

const isType = (n: Node, t: string) => n.type === t || (Array.isArray(n.type) && n.type.includes(t));

// A description is a tooltip only when it is written in Chinese (the schema's own are English, for developers).
const zhText = (v: unknown) => (typeof v === "string" && /[\u4e00-\u9fff]/.test(v) ? v : null);

/** The hover text of a label: its Chinese description, and the key a case file uses (for whoever writes one). */
export const keyTip = (n: Node, key: string): string => [zhText(n.description), `键名：${key}`].filter(Boolean).join("\n");

// The label is the schema's Chinese title alone; the key, an English id, is only in the hover text.
function label(n: Node, key: string, id: string): HTMLElement {
  const title = typeof n.title === "string" ? n.title : key;
  return h("label", { for: id, title: keyTip(n, key), "data-key": key }, title);
}

/**
 * A date or instant as text (not `type="date"`, which Chromium draws in its own locale, mm/dd/yyyy),
 * with the Chinese reading of what was typed beside it, or a Chinese error. The value read is the ISO
 * text the engine takes; a bad text is read as typed, so the engine's check refuses it too.
 */
function dateInput(id: string, key: string, kind: "date" | "instant", pattern: string | undefined): FormField {
  const hint = dateHint(kind);
  const i = h("input", { id, name: key, type: "text", class: "date-input", "data-kind": kind, placeholder: kind === "date" ? "年-月-日" : "年-月-日 时:分", autocomplete: "off", spellcheck: "false", "aria-describedby": `${id}-note` });
  const note = h("span", { id: `${id}-note`, class: "date-note muted", "aria-live": "polite" }, hint);
  const show = () => {
    const r = readDateText(i.value, kind, pattern);
    i.setCustomValidity(r.kind === "bad" ? r.error : "");
    i.setAttribute("aria-invalid", String(r.kind === "bad"));
    // Only what changed is touched: rewriting the same text on blur made Chromium move the scroll
    // position under the pointer, so a click on 「计算并解释」 right after typing a date was lost.
    const cls = `date-note ${r.kind === "bad" ? "bad" : r.kind === "ok" ? "ok" : "muted"}`;
    const text = r.kind === "bad" ? r.error : r.kind === "ok" ? r.zh : hint;
    if (note.className !== cls) note.className = cls;
    if (note.textContent !== text) fill(note, text);
  };
  i.addEventListener("input", show);
  // Once left, a good date is shown as the engine will read it (2026年12月1日 → 2026-12-01).
  i.addEventListener("change", () => {
    const r = readDateText(i.value, kind, pattern);
    if (r.kind === "ok" && r.value !== i.value) i.value = r.value.replace("T", " ");
    show();
  });
  return {
    el: h("div", { class: "date-row" }, i, note),
    read: () => {
      const r = readDateText(i.value, kind, pattern);
      return r.kind === "ok" ? r.value : r.kind === "bad" ? i.value : undefined;
    },
  };
}

/** One field for a schema node at `path` (its last segment is its key). */
export function schemaField(root: JsonSchema, raw: Node, path: readonly string[], hooks: FormHooks = {}): FormField {
  const n = resolve(root, raw);
  const key = path[path.length - 1] ?? "";
  const id = fieldId(path);
  const wrap = (input: HTMLElement, read: () => unknown, ...more: (HTMLElement | null)[]): FormField => ({
    el: h("div", { class: "field", "data-path": path.join(".") }, label(n, key, id), input, ...more),
    read,
  });
  const none = () => h("option", { value: "" }, "（不填）");
  const options = choices(n);
  if (options) {
    const s = h("select", { id, name: key }, none(), options.map((o) => h("option", { value: o.value }, o.title)));
    return wrap(s, () => s.value || undefined);
  }
  if (isType(n, "boolean")) {
    const s = h("select", { id, name: key }, none(), h("option", { value: "true" }, "是"), h("option", { value: "false" }, "否"));
    return wrap(s, () => (s.value === "" ? undefined : s.value === "true"));
  }
  if (isType(n, "number") || (isType(n, "integer") && !isType(n, "string"))) {
    const i = h("input", { id, name: key, type: "number", min: n.minimum as number | undefined, max: n.maximum as number | undefined, step: isType(n, "integer") ? 1 : "any", placeholder: n.default !== undefined ? `默认 ${String(n.default)}` : null });
    return wrap(i, () => (i.value === "" ? undefined : Number(i.value)));
  }
  if (isType(n, "string") && (n.format === "date" || typeof n.pattern === "string")) {
    // A date, or an instant (a date is an instant: the day, read in Shanghai time).
    const kind = n.format === "date" ? "date" : "instant";
    const d = dateInput(id, key, kind, typeof n.pattern === "string" ? n.pattern : undefined);
    return wrap(d.el, d.read);
  }
  if (isType(n, "array")) {
    const items = resolve(root, (n.items ?? {}) as Node);
    if (isType(items, "object") && items.properties) return rows(root, n, items, path, hooks, id);
    const itemChoices = choices(items);
    if (itemChoices) {
      const boxes = itemChoices.map((o) => h("input", { type: "checkbox", value: o.value, name: key }));
      const group = h("div", { id, class: "checks" }, boxes.map((b, i) => h("label", {}, b, itemChoices[i]!.title)));
      return wrap(group, () => {
        const on = boxes.filter((b) => b.checked).map((b) => b.value);
        return on.length ? on : undefined;
      });
    }
    const i = h("input", { id, name: key, type: "text", placeholder: "用顿号或逗号分隔" });
    return wrap(i, () => (i.value.trim() ? i.value.split(/[,，、]\s*/).filter(Boolean) : undefined));
  }
  if (isType(n, "object") && n.properties && typeof n.properties === "object") return group(root, n, path, hooks);
  if (isType(n, "object")) {
    const t = h("textarea", { id, name: key, rows: 2, placeholder: "JSON" });
    return wrap(t, () => (t.value.trim() ? (JSON.parse(t.value) as unknown) : undefined));
  }
  const hints = hooks.suggestions?.(path) ?? [];
  const list = hints.length ? h("datalist", { id: `${id}-list` }, hints.map((k) => h("option", { value: k }))) : null;
  const i = h("input", { id, name: key, type: "text", list: list ? `${id}-list` : null });
  return wrap(i, () => i.value || undefined, list);
}

/** A mapping: one field per property, in the schema's order; given only if one of them is. */
export function group(root: JsonSchema, n: Node, path: readonly string[], hooks: FormHooks = {}, keys?: readonly string[]): FormField {
  const props = n.properties as Record<string, Node>;
  const fields = (keys ?? Object.keys(props)).map((k) => ({ k, ...schemaField(root, props[k]!, [...path, k], hooks) }));
  const key = path[path.length - 1] ?? "";
  const title = typeof n.title === "string" ? n.title : key;
  const el = h("fieldset", { class: "group", "data-path": path.join(".") }, path.length ? h("legend", { title: keyTip(n, key), "data-key": key }, title) : null, fields.map((f) => f.el));
  return { el, read: () => collect(fields) };
}

function collect(fields: readonly { k: string; read: () => unknown }[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = f.read();
    if (v !== undefined) out[f.k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A list of mappings: rows added with 「添加」 and removed with 「删除」; empty rows are not sent. */
function rows(root: JsonSchema, n: Node, items: Node, path: readonly string[], hooks: FormHooks, id: string): FormField {
  const key = path[path.length - 1] ?? "";
  const title = typeof n.title === "string" ? n.title : key;
  const list: { el: HTMLElement; read: () => unknown }[] = [];
  let next = 0; // row numbers are never reused, so ids stay unique after a row is removed
  const box = h("div", { class: "rows", id });
  const add = h("button", { type: "button", class: "add-row", "data-path": path.join(".") }, `添加${title}`);
  add.addEventListener("click", () => {
    const i = String(next++);
    const props = items.properties as Record<string, Node>;
    const fields = Object.keys(props).map((k) => ({ k, ...schemaField(root, props[k]!, [...path, i, k], hooks) }));
    const row = { el: h("div", { class: "row", "data-row": i }), read: () => collect(fields) };
    const remove = h("button", { type: "button", class: "remove-row" }, "删除");
    remove.addEventListener("click", () => {
      row.el.remove();
      list.splice(list.indexOf(row), 1);
    });
    row.el.append(...fields.map((f) => f.el), remove);
    list.push(row);
    box.append(row.el);
  });
  const el = h("div", { class: "field list", "data-path": path.join(".") }, h("span", { class: "list-title", title: keyTip(n, key), "data-key": key }, title), box, add);
  return {
    el,
    read: () => {
      const given = list.map((r) => r.read()).filter((v) => v !== undefined);
      return given.length ? given : undefined;
    },
  };
}
