/** Checks scorecards (maxima add up to the total; a survey's best answer gives the category max) and duties. */
import { checkIds, type Ctx } from "./ctx.js";
import { suggest } from "../../base/suggest.js";

export function checkScorecards(ctx: Ctx): void {
  const FILE = "scoring.yaml";
  checkIds(ctx, ctx.docs.scorecards, "scorecard", FILE, "/scorecards");
  ctx.docs.scorecards.forEach((sc, si) => {
    const base = `/scorecards/${si}`;
    ctx.source(sc.source, `scorecard ${sc.id}`, FILE, `${base}/source`);
    if (sc.yearEnd) {
      ctx.source(sc.yearEnd.source, `scorecard ${sc.id} year-end ranking`, FILE, `${base}/yearEnd/source`);
      // What the document does not say is marked as an assumption, never stated as its rule.
      if (!sc.yearEnd.assumption && !sc.yearEnd.source) ctx.report("SCHEMA_MISSING_KEY", `\`yearEnd\` of scorecard \`${sc.id}\` needs the clause that says how periods combine (\`source\`) or, where the document does not say, an \`assumption\` with its reason.`, { key: "assumption" }, FILE, `${base}/yearEnd`);
    }
    if (sc.report) checkReport(ctx, sc.id, sc.report, `${base}/report`);
    ctx.effective(sc.effective, FILE, `${base}/effective`);
    checkIds(ctx, sc.categories, "category", FILE, `${base}/categories`);
    const sum = sc.categories.reduce((s, c) => s + c.max, 0);
    // Compare in hundredths so 0.1-point maxima do not trip on binary fractions.
    if (Math.round(sum * 100) !== Math.round(sc.total * 100)) {
      ctx.report("SCORE_TOTAL_MISMATCH", `the category maxima add up to ${sum}, but the scorecard declares \`total: ${sc.total}\`; correct a maximum or the total.`, { scorecard: sc.id, declared: sc.total, sum }, FILE, `${base}/total`);
    }
    const items: { id: string; at: string }[] = [];
    sc.categories.forEach((c, ci) => {
      const ptr = `${base}/categories/${ci}`;
      ctx.source(c.source, `scorecard ${sc.id} category ${c.id}`, FILE, `${ptr}/source`);
      if (!c.items?.length && !c.survey) ctx.report("SCHEMA_MISSING_KEY", `category \`${c.id}\` has neither \`items\` (deductions) nor a \`survey\`.`, { key: "items" }, FILE, ptr);
      (c.items ?? []).forEach((it, ii) => {
        ctx.source(it.source, `scorecard ${sc.id} item ${it.id}`, FILE, `${ptr}/items/${ii}/source`);
        ctx.effective(it.effective, FILE, `${ptr}/items/${ii}/effective`);
        items.push({ id: it.id, at: `${ptr}/items/${ii}` });
      });
      if (c.survey) {
        const best = Math.max(...Object.values(c.survey.answers).filter((v): v is number => typeof v === "number"));
        if (!Number.isFinite(best)) ctx.report("SCHEMA_VIOLATION", `the survey of \`${c.id}\` has no answer that counts (every answer is null).`, { keyword: "survey", detail: "no counted answer" }, FILE, `${ptr}/survey/answers`);
        else if (Math.round(best * c.survey.weight * 100) !== Math.round(c.max * 100)) {
          ctx.report("SCORE_TOTAL_MISMATCH", `the best survey answer (${best}) × weight ${c.survey.weight} = ${best * c.survey.weight}, but the category maximum is ${c.max}.`, { scorecard: sc.id, declared: c.max, sum: best * c.survey.weight }, FILE, `${ptr}/survey/weight`);
        }
      }
    });
    checkIds(ctx, items.map((x) => ({ id: x.id })), "scoring item", FILE, `${base}/categories`, (i) => items[i]!.at);
  });
}

/** The publishing block: its clause, and groups naming declared units, each unit in one group only. */
function checkReport(ctx: Ctx, card: string, r: NonNullable<Ctx["docs"]["scorecards"][number]["report"]>, base: string): void {
  const FILE = "scoring.yaml";
  if (r.source) ctx.source(r.source, `scorecard ${card} report`, FILE, `${base}/source`);
  if (!r.groups) return;
  checkIds(ctx, r.groups, "report group", FILE, `${base}/groups`);
  const seen = new Map<string, { group: string; at: string }>();
  r.groups.forEach((g, gi) =>
    g.units.forEach((u, ui) => {
      const at = `${base}/groups/${gi}/units/${ui}`;
      const first = seen.get(u);
      if (!ctx.units.has(u) && ctx.skipped.has("unit", u)) {
        // declared by a unit left out for a schema problem: not unknown
      } else if (!ctx.units.has(u)) {
        const hint = suggest(u, [...ctx.units.keys()]);
        ctx.report("UNKNOWN_REFERENCE", `unit \`${u}\` of report group \`${g.id}\` is not declared in units.yaml${hint ? `; did you mean \`${hint}\`?` : "."}`, { kind: "unit", id: u, suggestion: hint }, FILE, at);
      } else if (first) {
        // A unit ranked in two groups would be published twice with two ranks.
        const pl = ctx.places.at(FILE, first.at);
        const params = { kind: "report group unit", id: u, firstFile: FILE, firstLine: pl.line ?? null, firstPath: pl.path ?? "" };
        ctx.report("DUPLICATE_ID", `unit \`${u}\` is in report groups \`${first.group}\` and \`${g.id}\` (first at ${FILE}${pl.line !== undefined ? `:${pl.line}` : ""}); a unit is ranked in one group only.`, params, FILE, at);
      } else seen.set(u, { group: g.id, at });
    }),
  );
}

export function checkDuties(ctx: Ctx): void {
  const FILE = "duties.yaml";
  checkIds(ctx, ctx.docs.duties, "duty", FILE, "/duties");
  ctx.docs.duties.forEach((d, i) => {
    ctx.source(d.source, `duty ${d.id}`, FILE, `/duties/${i}/source`);
    ctx.effective(d.effective, FILE, `/duties/${i}/effective`);
    if (d.unit !== undefined) {
      const list = Array.isArray(d.unit) ? d.unit : [d.unit];
      list.forEach((u, ui) => ctx.unitRef(u, FILE, Array.isArray(d.unit) ? `/duties/${i}/unit/${ui}` : `/duties/${i}/unit`));
    }
    if (d.scoring) {
      const card = ctx.docs.scorecards.find((s) => s.id === d.scoring!.scorecard);
      if (!card && ctx.skipped.has("scorecard", d.scoring.scorecard)) {
        // its scorecard was left out for a schema problem: nothing to check the item against
      } else if (!card) {
        const hint = suggest(d.scoring.scorecard, ctx.docs.scorecards.map((s) => s.id));
        ctx.report("UNKNOWN_REFERENCE", `scorecard \`${d.scoring.scorecard}\` is not declared in scoring.yaml${hint ? `; did you mean \`${hint}\`?` : "."}`, { kind: "scorecard", id: d.scoring.scorecard, suggestion: hint }, FILE, `/duties/${i}/scoring/scorecard`);
      } else {
        const items = card.categories.flatMap((c) => (c.items ?? []).map((it) => it.id));
        if (!items.includes(d.scoring.item)) {
          const hint = suggest(d.scoring.item, items);
          ctx.report("UNKNOWN_REFERENCE", `scorecard \`${card.id}\` has no item \`${d.scoring.item}\`${hint ? `; did you mean \`${hint}\`?` : "."}`, { kind: "scoring item", id: d.scoring.item, suggestion: hint }, FILE, `/duties/${i}/scoring/item`);
        }
      }
      if (!d.schedule) ctx.report("SCHEMA_MISSING_KEY", `duty \`${d.id}\` turns missed periods into scorecard incidents, so it needs a \`schedule\`.`, { key: "schedule" }, FILE, `/duties/${i}`);
    }
  });
}
