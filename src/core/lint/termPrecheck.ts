import type { TermEntry } from './compileLibrary';
import { LEFT_BOUNDARY, RIGHT_BOUNDARY } from '../text/termPattern';

/**
 * Cheap tests that reject most places a term's first word was found (inside a longer word: "pain" in
 * "painful", "age" in "damage") before its sticky regex runs. They reject only where the regex's own
 * boundary lookarounds would fail, judged on ASCII characters; anything else is left to the regex.
 */

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;
const HYPHEN = 0x2d;

function asciiWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i); // NaN outside the text: not a word character
  return code < 128 && ASCII_WORD[code] === 1;
}

/** False when `LEFT_BOUNDARY` surely fails at `at`: an ASCII word character, or one and a hyphen, before it. */
export function leftBoundaryMayHold(text: string, at: number): boolean {
  if (at === 0) return true;
  if (asciiWordAt(text, at - 1)) return false;
  if (text.charCodeAt(at - 1) === HYPHEN && at >= 2 && asciiWordAt(text, at - 2) && text.charCodeAt(at - 2) !== 0x5f)
    return false;
  return true;
}

const leftBounded = new WeakMap<readonly TermEntry[], boolean>();
const wordLengths = new WeakMap<TermEntry, number>();

/** Whether every entry's regex starts with the left boundary (every term that starts with a letter or digit). */
export function allLeftBounded(entries: readonly TermEntry[]): boolean {
  let known = leftBounded.get(entries);
  if (known === undefined)
    leftBounded.set(entries, (known = entries.every((e) => e.regex.source.startsWith(LEFT_BOUNDARY))));
  return known;
}

/**
 * For a term that is one ASCII word (`LEFT_BOUNDARY word RIGHT_BOUNDARY`), the word's length: the regex can
 * match only if the boundary after it holds. -1 for any other term.
 */
function singleWordLength(entry: TermEntry): number {
  let length = wordLengths.get(entry);
  if (length === undefined) {
    const source = entry.regex.source;
    const word =
      source.startsWith(LEFT_BOUNDARY) && source.endsWith(RIGHT_BOUNDARY)
        ? source.slice(LEFT_BOUNDARY.length, -RIGHT_BOUNDARY.length)
        : '';
    length = /^[A-Za-z0-9]+$/.test(word) ? word.length : -1;
    wordLengths.set(entry, length);
  }
  return length;
}

/** False when the entry's regex surely fails at `at` because of the boundary after a one-word term. */
export function rightBoundaryMayHold(entry: TermEntry, text: string, at: number): boolean {
  const length = singleWordLength(entry);
  if (length < 0) return true;
  const end = at + length;
  if (asciiWordAt(text, end)) return false;
  // `(?!-[\p{L}\p{N}])`: a hyphen and an ASCII letter or digit (not "_").
  if (text.charCodeAt(end) === HYPHEN && asciiWordAt(text, end + 1) && text.charCodeAt(end + 1) !== 0x5f) return false;
  return true;
}
