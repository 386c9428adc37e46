// What is left of a Chinese text once the parts that may be ASCII are taken out: ids and values in
// backquotes (what a person types), ASCII in full-width brackets (a key name beside its Chinese),
// quoted ASCII, a few format names, and every digit and sign (numbers, dates, times). Whatever is
// left is an English word in the Chinese text.

/** A Chinese sentence with its backquoted ids, parenthesised key names and a few format words removed. */
export function englishLeft(s: string): string {
  return s
    .replace(/`[^`]*`/g, "")
    .replace(/（[\x20-\x7e]+）/g, "")
    .replace(/"[\x20-\x7e]*"/g, "")
    .replace(/\b(YAML|UTF-8|JSON|NDJSON)\b/g, "")
    .replace(/[^A-Za-z]+/g, " ")
    .trim();
}

