/**
 * FNV-1a hashes over UTF-8 bytes. Chosen because anyone can re-derive them by hand or in any
 * language (the Yingkou sample depends on that), and they need no crypto API (browser core).
 */

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** 32-bit FNV-1a of the UTF-8 bytes of `s`, as an unsigned integer. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (const b of utf8(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 64-bit FNV-1a of the UTF-8 bytes of `s`, as 16 hex digits (computed in two 32-bit halves). */
export function fnv1a64(s: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const b of utf8(s)) {
    lo ^= b;
    // h * (2^40 + 0x1b3) mod 2^64, with every intermediate below 2^53.
    const loMul = lo * 0x1b3;
    const carry = Math.floor(loMul / 0x100000000);
    const newLo = loMul >>> 0;
    hi = (hi * 0x1b3 + (lo & 0xffffff) * 0x100 + carry) % 0x100000000;
    lo = newLo;
  }
  return (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
}
