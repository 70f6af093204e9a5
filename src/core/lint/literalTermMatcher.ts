/**
 * Matches a term at a position without a regex, with exactly the result of its sticky regex
 * (`termToRegexSource`: the words joined by `\s+`, word boundaries at word-character edges, case folded unless
 * the detector says `ignorecase: false`), for terms of ASCII characters and typographic punctuation (’ – …).
 * A cold process compiles a regex for every term it tries, and the Unicode classes of the boundaries make that
 * compile slow; this comparison needs none. Only where the regex could decide otherwise it answers
 * `UNDECIDED` and the caller asks the regex: a non-ASCII character where folding could make it an "s" or a
 * "k" ("ſ", the Kelvin sign), or a non-ASCII character that may be a letter beside a boundary.
 */

/** No match at this position. */
export const NO_MATCH = -1;
/** A non-ASCII character decides the match: ask the term's regex. */
export const UNDECIDED = -2;

/** Printable ASCII and the General Punctuation quotes, dashes and marks: characters no case folding touches. */
const TERM_WORD = /^[\x21-\x7e\u2010-\u2027\u2030-\u205e]+$/;
const HYPHEN = 0x2d;
const LOWER_S = 0x73;
const LOWER_K = 0x6b;

const IS_WORD = new Uint8Array(128); // \w: what [\p{L}\p{M}\p{N}_] is on ASCII
const IS_ALNUM = new Uint8Array(128); // [\p{L}\p{N}] on ASCII
for (let c = 0; c < 128; c++) {
  IS_WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;
  IS_ALNUM[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
}

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
      IS_WORD[first] === 1,
      IS_WORD[last] === 1,
    );
  }

  /** The end of the match that starts at `at`, or `NO_MATCH`, or `UNDECIDED`. */
  matchAt(text: string, at: number): number {
    if (this.leftBounded) {
      const left = this.leftBoundary(text, at);
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
      const right = this.rightBoundary(text, i);
      if (right !== 0) return right;
    }
    return i;
  }

  /** `(?<![\p{L}\p{M}\p{N}_])(?<![\p{L}\p{N}]-)` before `at`: 0 when it holds. */
  private leftBoundary(text: string, at: number): number {
    if (at === 0) return 0;
    const before = text.charCodeAt(at - 1);
    if (before >= 128) return isNonAsciiNonWord(before) ? 0 : UNDECIDED;
    if (IS_WORD[before] === 1) return NO_MATCH;
    if (before !== HYPHEN || at < 2) return 0;
    const beforeHyphen = text.charCodeAt(at - 2);
    if (beforeHyphen >= 128) return isNonAsciiNonWord(beforeHyphen) ? 0 : UNDECIDED;
    return IS_ALNUM[beforeHyphen] === 1 ? NO_MATCH : 0;
  }

  /** `(?![\p{L}\p{M}\p{N}_])(?!-[\p{L}\p{N}])` at `end`: 0 when it holds. */
  private rightBoundary(text: string, end: number): number {
    if (end >= text.length) return 0;
    const after = text.charCodeAt(end);
    if (after >= 128) return isNonAsciiNonWord(after) ? 0 : UNDECIDED;
    if (IS_WORD[after] === 1) return NO_MATCH;
    if (after !== HYPHEN || end + 1 >= text.length) return 0;
    const afterHyphen = text.charCodeAt(end + 1);
    if (afterHyphen >= 128) return isNonAsciiNonWord(afterHyphen) ? 0 : UNDECIDED;
    return IS_ALNUM[afterHyphen] === 1 ? NO_MATCH : 0;
  }
}
