/**
 * `map[key]` for a key that comes from data (an enum value, a CSV cell): only the map's own entries,
 * never what every object inherits — `constructor`, `toString`, `__proto__` would otherwise give a
 * built-in, which a later freeze would freeze for the whole process.
 */
export function own<V>(map: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return map !== undefined && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}
