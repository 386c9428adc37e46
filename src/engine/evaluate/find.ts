/** Finds the version of a table, deadline, ladder or scorecard in force on a date, or fails saying why. */
import { fail } from "../../errors.js";
import type { Effective } from "../model/index.js";
import { inForce } from "../check/index.js";

export function findInForce<T extends { id: string; effective?: Effective | undefined }>(kind: string, packId: string, all: readonly T[], versions: readonly T[] | undefined, id: string, asOf: string): T {
  // Most rules have one version and no dates of their own: no search needed.
  if (versions !== undefined && versions.length === 1 && versions[0]!.effective === undefined) return versions[0]!;
  const found = versions?.find((x) => inForce(x.effective, asOf));
  if (found) return found;
  const known = [...new Set(all.map((x) => x.id))];
  return fail(
    "RULE_UNKNOWN",
    versions?.length ? `The ${kind} \`${id}\` is not in force on ${asOf}.` : `Pack ${packId} has no ${kind} \`${id}\` (${kind}s: ${known.join(", ") || "none"}).`,
    { kind, id, known },
    { path: kind },
  );
}
