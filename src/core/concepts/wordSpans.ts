/**
 * The words of a text as `WORD` finds them — a run of digits with its separators ("1,000.5"), or a run of
 * letters, marks and digits joined by apostrophes ("can't") — found by character code for ASCII, the common
 * case, and by the regex itself wherever a character outside ASCII could change the answer. The result is
 * exactly that of `text.matchAll(WORD)` (a property test holds them equal), at a fraction of the cost.
 */
export const WORD = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;

const WORD_AT = new RegExp(WORD.source, 'uy');
/** Bits: a run may continue over either kind. */
const [NONE, LETTER, DIGIT] = [0, 1, 2];
const ASCII_KIND = new Uint8Array(128);
for (let code = 0x30; code <= 0x39; code++) ASCII_KIND[code] = DIGIT;
for (let code = 0x41; code <= 0x5a; code++) ASCII_KIND[code] = LETTER;
for (let code = 0x61; code <= 0x7a; code++) ASCII_KIND[code] = LETTER;
const APOSTROPHE = 0x27;
const PERIOD = 0x2e;
const COMMA = 0x2c;
/** Where the ASCII reading cannot decide: a character outside ASCII may be a letter, a mark or a digit. */
const UNDECIDED = -1;

/** Calls `visit` with each word's [start, end), in order. */
export function forEachWordSpan(text: string, visit: (start: number, end: number) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      const kind = ASCII_KIND[code]!;
      if (kind === NONE) {
        i++;
        continue;
      }
      const end = kind === DIGIT ? numberEnd(text, i) : wordEnd(text, i);
      if (end !== UNDECIDED) {
        visit(i, end);
        i = end;
        continue;
      }
    }
    WORD_AT.lastIndex = i;
    const match = WORD_AT.exec(text);
    if (match) {
      visit(i, i + match[0].length);
      i += match[0].length;
    } else i += isSurrogatePair(text, i) ? 2 : 1; // the regex steps over a pair as one character
  }
}

/** `\p{N}+(?:[.,]\p{N}+)*` from a digit at `i`, over ASCII. */
function numberEnd(text: string, i: number): number {
  let j = runEnd(text, i, DIGIT);
  while (j !== UNDECIDED && j < text.length) {
    const separator = text.charCodeAt(j);
    if (separator !== PERIOD && separator !== COMMA) break;
    const next = text.charCodeAt(j + 1);
    if (next >= 128) return UNDECIDED;
    if (ASCII_KIND[next] !== DIGIT) break;
    j = runEnd(text, j + 1, DIGIT);
  }
  return j;
}

/** `[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*` from a letter at `i`, over ASCII. */
function wordEnd(text: string, i: number): number {
  let j = runEnd(text, i, LETTER | DIGIT);
  while (j !== UNDECIDED && j < text.length) {
    // The run ended on an ASCII character (one outside ASCII left it undecided): only "'" can join on.
    if (text.charCodeAt(j) !== APOSTROPHE) break;
    const next = text.charCodeAt(j + 1);
    if (next >= 128) return UNDECIDED;
    if (Number.isNaN(next) || ASCII_KIND[next] === NONE) break;
    j = runEnd(text, j + 1, LETTER | DIGIT);
  }
  return j;
}

/** The end of the run of ASCII characters of the `kinds` (bits) from `i`; undecided at one outside ASCII. */
function runEnd(text: string, i: number, kinds: number): number {
  let j = i;
  for (let code = text.charCodeAt(j); j < text.length; code = text.charCodeAt(++j)) {
    if (code >= 128) return UNDECIDED;
    if ((ASCII_KIND[code]! & kinds) === 0) break;
  }
  return j;
}

function isSurrogatePair(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}
