/** `expected` in pack tests is matched partially: objects by the keys they list, lists element by element. */

export interface Mismatch {
  path: string;
  expected: unknown;
  actual: unknown;
}

export function partialMatch(actual: unknown, expected: unknown, path = "", out: Mismatch[] = []): Mismatch[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push({ path: path || "(result)", expected, actual });
      return out;
    }
    expected.forEach((e, i) => partialMatch(actual[i], e, `${path}[${i}]`, out));
    return out;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      out.push({ path: path || "(result)", expected, actual });
      return out;
    }
    for (const [k, e] of Object.entries(expected)) partialMatch((actual as Record<string, unknown>)[k], e, path ? `${path}.${k}` : k, out);
    return out;
  }
  // `null` also matches an absent key: `roles: { supervisor: null }` says "no supervisor".
  const same = typeof expected === "number" && typeof actual === "number" ? Math.abs(expected - actual) < 1e-9 : expected === actual || (expected === null && actual === undefined);
  if (!same) out.push({ path: path || "(result)", expected, actual });
  return out;
}
