import type { TermEntry } from './compileLibrary';
import { ASCII_WORD_CHAR } from './wordChars';

/**
 * Cheap tests that reject most places a term's first word was found (inside a longer word: "pain" in
 * "painful", "age" in "damage") before its sticky regex runs. They reject only where the regex's own
 * boundary lookarounds would fail, judged on ASCII characters; anything else is left to the regex.
 */

const HYPHEN = 0x2d;

function asciiWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i); // NaN outside the text: not a word character
  return code < 128 && ASCII_WORD_CHAR[code] === 1;
}

/** False when `LEFT_BOUNDARY` surely fails at `at`: an ASCII word character, or one and a hyphen, before it. */
export function leftBoundaryMayHold(text: string, at: number): boolean {
  if (at === 0) return true;
  if (asciiWordAt(text, at - 1)) return false;
  if (text.charCodeAt(at - 1) === HYPHEN && at >= 2 && asciiWordAt(text, at - 2) && text.charCodeAt(at - 2) !== 0x5f)
    return false;
  return true;
}

/**
 * False when an ASCII letter or digit is at `end`, just after a term's first word (the run of letters, marks
 * and digits its entries are indexed by, `compileLibrary`'s FIRST_WORD): what follows that word in every term
 * is something else (a space, punctuation, "_" or nothing), which never matches a letter or digit, folded or
 * not. Most places a short first word is found are inside a longer word: "no" in "not", "it" in "its".
 */
export function firstWordMayEndAt(text: string, end: number): boolean {
  const code = text.charCodeAt(end); // NaN past the end: the word ends there
  return !(code < 128 && ASCII_WORD_CHAR[code] === 1 && code !== 0x5f);
}

const leftBounded = new WeakMap<readonly TermEntry[], boolean>();

/** Whether every entry's regex starts with the left boundary (every term that starts with a letter or digit). */
export function allLeftBounded(entries: readonly TermEntry[]): boolean {
  let known = leftBounded.get(entries);
  if (known === undefined) leftBounded.set(entries, (known = entries.every((e) => e.leftBounded)));
  return known;
}

/** A multi-word term's first word (its length as written) and second word (lower case, up to any non-ASCII). */
interface WordPair {
  firstLength: number;
  second: string;
}

const wordPairs = new WeakMap<TermEntry, WordPair | null>();
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** The term's first two words (`termToRegexSource` matches them joined by white space). */
function wordPair(entry: TermEntry): WordPair | null {
  let pair = wordPairs.get(entry);
  if (pair === undefined) {
    const [first = '', second = ''] = entry.term.trim().split(/\s+/);
    const lower = second.toLowerCase();
    const nonAscii = lower.search(/[^\x00-\x7f]/);
    pair =
      second !== '' && PRINTABLE_ASCII.test(first)
        ? { firstLength: first.length, second: nonAscii < 0 ? lower : lower.slice(0, nonAscii) }
        : null;
    wordPairs.set(entry, pair);
  }
  return pair;
}

/**
 * False when a multi-word term surely fails at `at` because what follows its first word is not white space
 * and then its second word (judged on `lower`, the lower-cased text, and ASCII only: "no risk" is not
 * tried at every "no"). Anything it cannot judge is left to the regex.
 */
export function secondWordMayFollow(entry: TermEntry, lower: string, at: number): boolean {
  const pair = wordPair(entry);
  if (!pair) return true;
  let i = at + pair.firstLength;
  const afterFirst = i;
  for (let code = lower.charCodeAt(i); code === 32 || (code >= 9 && code <= 13); code = lower.charCodeAt(++i));
  const stop = lower.charCodeAt(i);
  if (stop >= 128) return true; // maybe a Unicode space, or a letter whose case the regex folds
  if (i === afterFirst) return false; // `\s+` needs one space at least (NaN, past the end, also fails)
  const second = pair.second;
  for (let k = 0; k < second.length; k++) {
    const code = lower.charCodeAt(i + k);
    if (code >= 128) return true;
    if (code !== second.charCodeAt(k)) return false;
  }
  return true;
}
