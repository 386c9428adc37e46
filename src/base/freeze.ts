/** One frozen empty list, shared by every untraced result (no allocation, nothing to freeze). */
export const EMPTY: never[] = Object.freeze([]) as never[];

/** Freezes a value and everything reachable from it (results and packs are immutable). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  // for…in over own keys avoids allocating an array per object on the hot path.
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== null && typeof v === "object" && !Object.isFrozen(v)) deepFreeze(v);
  }
  return value;
}

/**
 * Freezes everything reachable, descending even into objects that are already frozen (a frozen
 * object may hold unfrozen ones). For compiled packs, once per load; closures are left as they are.
 */
export function freezeAll<T>(value: T, seen: Set<object> = new Set()): T {
  if (value === null || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  Object.freeze(value);
  for (const k of Object.keys(value)) freezeAll((value as Record<string, unknown>)[k], seen);
  return value;
}
