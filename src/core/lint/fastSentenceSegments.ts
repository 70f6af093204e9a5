/**
 * UAX #29 sentence breaks (the rules ICU's `Intl.Segmenter` follows, without locale suppressions) for text
 * made only of characters whose break class is known here: ASCII, curly quotes and dashes, a few symbols.
 * One table lookup a character, where the segmenter costs ~10 µs a call and more per sentence. Text with any
 * other character is left to `Intl.Segmenter` (the caller falls back); a property test holds the two equal.
 */

/** UAX #29's sentence-break classes, numbered (OLetter, Sep, Format and Extend never reach the fast path). */
const [OTHER, LOWER, UPPER, NUMERIC, ATERM, STERM, CLOSE, SP, SCONTINUE, CR, LF] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** A character this module does not classify: the caller uses `Intl.Segmenter`. */
const UNKNOWN = 255;

const ASCII_CLASS = new Uint8Array(128).fill(UNKNOWN);
for (let code = 0x20; code < 0x7f; code++) ASCII_CLASS[code] = OTHER;
for (let code = 0x61; code <= 0x7a; code++) ASCII_CLASS[code] = LOWER;
for (let code = 0x41; code <= 0x5a; code++) ASCII_CLASS[code] = UPPER;
for (let code = 0x30; code <= 0x39; code++) ASCII_CLASS[code] = NUMERIC;
ASCII_CLASS[0x2e] = ATERM;
for (const c of '!?') ASCII_CLASS[c.charCodeAt(0)] = STERM;
for (const c of `"'()[]{}`) ASCII_CLASS[c.charCodeAt(0)] = CLOSE;
for (const c of ',-:;') ASCII_CLASS[c.charCodeAt(0)] = SCONTINUE;
ASCII_CLASS[0x20] = SP;
ASCII_CLASS[0x09] = SP;
ASCII_CLASS[0x0d] = CR;
ASCII_CLASS[0x0a] = LF;

/** The characters outside ASCII that health writing uses most, with their sentence-break class. */
const WIDE_CLASS = new Map<number, number>([
  ...[...'‘’“”«»'].map((c) => [c.charCodeAt(0), CLOSE] as const),
  ...[...'–—'].map((c) => [c.charCodeAt(0), SCONTINUE] as const),
  ...[...'°±×≥≤•€£'].map((c) => [c.charCodeAt(0), OTHER] as const),
  ...[...'¿¡…‑≈'].map((c) => [c.charCodeAt(0), OTHER] as const),
  ...[0xa0, 0x2009, 0x202f].map((code) => [code, SP] as const),
  // Latin-1 letters (accented Spanish, French, Portuguese): "é" is as lower-case as "e" to the rules.
  ...range(0xdf, 0xff)
    .filter((code) => code !== 0xf7)
    .map((code) => [code, LOWER] as const),
  [0xb5, LOWER],
  ...range(0xc0, 0xde)
    .filter((code) => code !== 0xd7)
    .map((code) => [code, UPPER] as const),
]);

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function classOf(code: number): number {
  return code < 128 ? ASCII_CLASS[code]! : (WIDE_CLASS.get(code) ?? UNKNOWN);
}

/**
 * Calls `visit` with each sentence segment of text[start, end), as `Intl.Segmenter` would, and returns true;
 * returns false, having visited nothing, when the span holds a character it does not classify.
 */
export function fastSentenceSegments(
  text: string,
  start: number,
  end: number,
  visit: (start: number, end: number) => void,
): boolean {
  for (let i = start; i < end; i++) if (classOf(text.charCodeAt(i)) === UNKNOWN) return false;
  const at = (i: number) => classOf(text.charCodeAt(i));
  let segmentStart = start;
  const breakAt = (position: number) => {
    visit(segmentStart, position);
    segmentStart = position;
  };
  let i = start;
  while (i < end) {
    const cls = at(i);
    if (cls === CR || cls === LF) {
      // SB3, SB4: a line break ends a sentence (CR LF together).
      i += cls === CR && i + 1 < end && at(i + 1) === LF ? 2 : 1;
      breakAt(i);
      continue;
    }
    if (cls !== ATERM && cls !== STERM) {
      i++;
      continue;
    }
    // SB9, SB10: no break inside "terminator Close* Sp*"; p is where SB11 would break.
    let p = i + 1;
    while (p < end && at(p) === CLOSE) p++;
    while (p < end && at(p) === SP) p++;
    if (p === end || at(p) === CR || at(p) === LF) {
      i = p; // the break comes after the line break (SB11 with ParaSep), or at the end
      continue;
    }
    if (!keepsTogether(at, start, i, p, end)) breakAt(p);
    i = p;
  }
  if (segmentStart < end) visit(segmentStart, end);
  return true;
}

/** SB6, SB7, SB8, SB8a: whether the terminator at `term` does not end a sentence at `p`. */
function keepsTogether(at: (i: number) => number, start: number, term: number, p: number, end: number): boolean {
  const next = at(p);
  if (next === SCONTINUE || next === ATERM || next === STERM) return true; // SB8a
  if (at(term) !== ATERM) return false;
  if (p === term + 1) {
    if (next === NUMERIC) return true; // SB6: "3.5"
    const before = term > start ? at(term - 1) : OTHER;
    if (next === UPPER && (before === UPPER || before === LOWER)) return true; // SB7: "U.S"
  }
  // SB8: a lower-case letter comes before any letter, line break or terminator ("e.g. this", "p. 5 apples").
  for (let q = p; q < end; q++) {
    const cls = at(q);
    if (cls === LOWER) return true;
    if (cls === UPPER || cls === ATERM || cls === STERM || cls === CR || cls === LF) return false;
  }
  return false;
}
