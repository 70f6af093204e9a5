/**
 * Matches a term at a position without a regex, with exactly the result of its sticky regex
 * (`termToRegexSource`: the words joined by `\s+`, word boundaries at word-character edges, case folded unless
 * the detector says `ignorecase: false`), for terms of ASCII characters and typographic punctuation (’ – …).
 * A cold process compiles a regex for every term it tries, and the Unicode classes of the boundaries make that
 * compile slow; this comparison needs none. Only where the regex could decide otherwise it answers
 * `UNDECIDED` and the caller asks the regex: a non-ASCII character where folding could make it an "s" or a
 * "k" ("ſ", the Kelvin sign), or a non-ASCII character that may be a letter beside a boundary.
 */

import { ASCII_LETTER_OR_DIGIT, ASCII_WORD_CHAR } from './wordChars';

/** No match at this position. */
export const NO_MATCH = -1;
/** A non-ASCII character decides the match: ask the term's regex. */
export const UNDECIDED = -2;

/** Printable ASCII and the General Punctuation quotes, dashes and marks: characters no case folding touches. */
const TERM_WORD = /^[\x21-\x7e\u2010-\u2027\u2030-\u205e]+$/;
const HYPHEN = 0x2d;
const LOWER_S = 0x73;
const LOWER_K = 0x6b;

/** `\s`: tab, line feed, vertical tab, form feed, carriage return, space and the Unicode spaces. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A non-ASCII character surely outside `[\p{L}\p{M}\p{N}_]`: a Unicode space or General Punctuation. */
function isNonAsciiNonWord(code: number): boolean {
  return (code >= 0x2000 && code <= 0x206f) || isSpace(code);
}

function toLowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

export class LiteralTermMatcher {
  private constructor(
    /** The words, lower-cased when the case is folded (which leaves the punctuation as it is). */
    private readonly words: readonly string[],
    private readonly foldCase: boolean,
    /** Whether the regex has the left / right word boundary (the term starts / ends with a word character). */
    private readonly leftBounded: boolean,
    private readonly rightBounded: boolean,
  ) {}

  /** The matcher of a term of ASCII and typographic punctuation; undefined for any other term (its regex decides). */
  static of(term: string, ignorecase: boolean | undefined): LiteralTermMatcher | undefined {
    const words = term.trim().split(/\s+/);
    if (!words.every((word) => TERM_WORD.test(word))) return undefined;
    const foldCase = ignorecase !== false;
    const first = words[0]!.charCodeAt(0);
    const lastWord = words[words.length - 1]!;
    const last = lastWord.charCodeAt(lastWord.length - 1);
    return new LiteralTermMatcher(
      foldCase ? words.map((w) => w.toLowerCase()) : words,
      foldCase,
      ASCII_WORD_CHAR[first] === 1,
      ASCII_WORD_CHAR[last] === 1,
    );
  }

  /** The end of the match that starts at `at`, or `NO_MATCH`, or `UNDECIDED`. */
  matchAt(text: string, at: number): number {
    if (this.leftBounded) {
      const left = boundaryAt(text, at - 1, at - 2);
      if (left !== 0) return left;
    }
    let i = at;
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      if (w > 0) {
        const spaceStart = i;
        while (isSpace(text.charCodeAt(i))) i++;
        if (i === spaceStart) return NO_MATCH; // `\s+` needs one at least (NaN past the end too)
      }
      const word = words[w]!;
      for (let k = 0; k < word.length; k++, i++) {
        const code = text.charCodeAt(i);
        const expected = word.charCodeAt(k);
        if (code === expected) continue;
        if (code >= 128) {
          // Only "ſ" and the Kelvin sign fold to ASCII ("s", "k"); nothing folds to punctuation.
          return this.foldCase && (expected === LOWER_S || expected === LOWER_K) ? UNDECIDED : NO_MATCH;
        }
        if (!this.foldCase || toLowerAscii(code) !== expected) return NO_MATCH; // NaN past the end too
      }
    }
    if (this.rightBounded) {
      const right = boundaryAt(text, i, i + 1);
      if (right !== 0) return right;
    }
    return i;
  }
}

/**
 * A term's word boundary on one side: `(?<![\p{L}\p{M}\p{N}_])(?<![\p{L}\p{N}]-)` before it, read with
 * `neighbour` = start - 1 and `beyond` = start - 2, or `(?![\p{L}\p{M}\p{N}_])(?!-[\p{L}\p{N}])` after it, with
 * `neighbour` = end and `beyond` = end + 1. 0 when it holds; outside the text (NaN) is an edge.
 */
function boundaryAt(text: string, neighbour: number, beyond: number): number {
  const code = text.charCodeAt(neighbour);
  if (code >= 128) return isNonAsciiNonWord(code) ? 0 : UNDECIDED;
  if (ASCII_WORD_CHAR[code] === 1) return NO_MATCH;
  if (code !== HYPHEN) return 0;
  const next = text.charCodeAt(beyond);
  if (next >= 128) return isNonAsciiNonWord(next) ? 0 : UNDECIDED;
  return ASCII_LETTER_OR_DIGIT[next] === 1 ? NO_MATCH : 0;
}
