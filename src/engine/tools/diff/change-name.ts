/** What `yingshang diff` and the studio call the thing a pack change is about. */
import type { PackDocs } from "../../model/index.js";
import type { PackChange } from "./structure.js";

/**
 * The Chinese name of the thing a change is about (`diffPacks`' `area` and `id`), in the documents of
 * the pack that has it; undefined when the pack gives it none (it is then shown by its id). Used by
 * `yingshang diff` and the studio's diff, so both name a change alike.
 */
export function changeName(docs: PackDocs, area: PackChange["area"], id: string): string | undefined {
  const [p, c, g] = id.split("/") as [string, string | undefined, string | undefined];
  const byId = <T extends { id: string }>(list: readonly T[] | undefined, x: string | undefined) => list?.find((y) => y.id === x);
  switch (area) {
    case "pack":
      return docs.pack.name.zh;
    case "clause":
      return byId(docs.pack.clauses, p)?.title;
    case "unit":
      return byId(docs.units, p)?.zh;
    case "fact":
      return Object.prototype.hasOwnProperty.call(docs.facts, p) ? docs.facts[p]!.zh : undefined;
    case "lookup":
      return docs.assignment.lookups && Object.prototype.hasOwnProperty.call(docs.assignment.lookups, p) ? docs.assignment.lookups[p]!.zh : undefined;
    case "table":
      return byId(docs.assignment.tables, p)?.zh;
    case "rule":
      return c === undefined ? byId(docs.assignment.tables, p)?.zh : byId(byId(docs.assignment.tables, p)?.rules, c)?.zh;
    case "deadline":
      return byId(docs.deadlines, p)?.zh;
    case "variant":
      return c === undefined ? byId(docs.deadlines, p)?.zh : byId(byId(docs.deadlines, p)?.variants, c)?.zh;
    case "ladder":
    case "return":
      return byId(docs.ladders, p)?.zh;
    case "rung":
      return c === undefined ? byId(docs.ladders, p)?.zh : byId(byId(docs.ladders, p)?.rungs, c)?.zh;
    case "jump":
      return c === undefined ? byId(docs.ladders, p)?.zh : byId(byId(docs.ladders, p)?.jumps, c)?.zh;
    case "scorecard":
      return byId(docs.scorecards, p)?.zh;
    case "category":
      return c === undefined ? byId(docs.scorecards, p)?.zh : byId(byId(docs.scorecards, p)?.categories, c)?.zh;
    case "item":
      return byId(byId(byId(docs.scorecards, p)?.categories, c)?.items, g)?.zh;
    case "duty":
      return byId(docs.duties, p)?.zh;
  }
}
