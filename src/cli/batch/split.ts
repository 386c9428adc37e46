/**
 * The main thread's only work on a batch's input: cut the bytes into pieces that end at a record's
 * end and count their lines, without decoding them. NDJSON records end at a line break; CSV records at
 * a line break outside double quotes (a quoted cell may hold line breaks). A record longer than the
 * limit is counted and dropped as it streams by, so memory stays bounded whatever the input.
 */

/** A piece for a worker: whole records and how many line breaks they hold. */
export type Piece =
  | { readonly kind: "bytes"; readonly bytes: Uint8Array; readonly lines: number }
  /** A record over the limit: its size and lines; the worker answers it with LIMIT_EXCEEDED. */
  | { readonly kind: "long"; readonly length: number; readonly lines: number };

const NL = 10;
const QUOTE = 34;
const EMPTY = new Uint8Array(0);

function countNewlines(b: Uint8Array, end: number): number {
  let n = 0;
  for (let i = b.indexOf(NL); i !== -1 && i < end; i = b.indexOf(NL, i + 1)) n++;
  return n;
}

export class Splitter {
  private carry: Uint8Array = EMPTY;
  /** Bytes of an over-long record skipped so far, or -1 when not skipping. */
  private skipped = -1;
  private skippedLines = 0;
  private skipQuoted = false;

  constructor(
    private readonly csv: boolean,
    private readonly maxRecordBytes: number,
  ) {}

  /** The index of the last record end in `b` (its line break), or -1; for CSV, outside quotes. */
  private lastEnd(b: Uint8Array): { end: number; lines: number } {
    if (!this.csv) {
      const end = b.lastIndexOf(NL);
      return { end, lines: end < 0 ? 0 : countNewlines(b, end + 1) };
    }
    let quoted = false;
    let end = -1;
    let lines = 0;
    let seen = 0;
    for (let i = 0; i < b.length; i++) {
      const c = b[i];
      if (c === QUOTE) quoted = !quoted;
      else if (c === NL) {
        seen++;
        if (!quoted) {
          end = i;
          lines = seen;
        }
      }
    }
    return { end, lines };
  }

  /** While skipping: the index of the line break that ends the long record in `b`, or -1. */
  private skipTo(b: Uint8Array): number {
    if (!this.csv) return b.indexOf(NL);
    for (let i = 0; i < b.length; i++) {
      const c = b[i];
      if (c === QUOTE) this.skipQuoted = !this.skipQuoted;
      else if (c === NL) {
        if (!this.skipQuoted) return i;
        this.skippedLines++;
      }
    }
    return -1;
  }

  /** Takes the next chunk read; returns the pieces it completes, in order. */
  push(chunk: Uint8Array): Piece[] {
    const out: Piece[] = [];
    let from = 0;
    if (this.skipped >= 0) {
      const i = this.skipTo(chunk);
      if (i < 0) {
        this.skipped += chunk.length;
        return out;
      }
      out.push({ kind: "long", length: this.skipped + i, lines: this.skippedLines + 1 });
      this.skipped = -1;
      this.skippedLines = 0;
      this.skipQuoted = false;
      from = i + 1;
    }
    const rest = from === 0 ? chunk : chunk.subarray(from);
    // One copy into a buffer of its own, so it can be transferred to the worker without copying again.
    const data = new Uint8Array(this.carry.length + rest.length);
    data.set(this.carry, 0);
    data.set(rest, this.carry.length);
    const { end, lines } = this.lastEnd(data);
    if (end < 0) {
      this.carry = data;
    } else {
      out.push({ kind: "bytes", bytes: data.subarray(0, end + 1), lines });
      this.carry = data.slice(end + 1);
    }
    if (this.carry.length > this.maxRecordBytes) {
      // Count the record's quotes so far, so its end is found in the chunks to come.
      this.skipped = 0;
      this.skippedLines = 0;
      this.skipQuoted = false;
      const head = this.carry;
      this.carry = EMPTY;
      const i = this.skipTo(head);
      // No record end is in `head` (else lastEnd would have found it), so i is -1.
      this.skipped = i < 0 ? head.length : i;
    }
    return out;
  }

  /** The input has ended: the last record (without a final line break), if any. */
  end(): Piece[] {
    if (this.skipped >= 0) {
      const p: Piece = { kind: "long", length: this.skipped, lines: this.skippedLines + 1 };
      this.skipped = -1;
      return [p];
    }
    if (this.carry.length === 0) return [];
    const bytes = this.carry;
    this.carry = EMPTY;
    return [{ kind: "bytes", bytes, lines: countNewlines(bytes, bytes.length) + 1 }];
  }
}
