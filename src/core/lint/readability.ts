/** Words, syllables and the Flesch–Kincaid grade, for reading-level limits on lay answers. */
import { wordCharLength } from './wordChars';

export function countWords(text: string): number {
  let count = 0;
  forEachWord(text, () => void count++);
  return count;
}

/**
 * Vowel-group heuristic; good enough for grade estimates, which are themselves approximations. The regex
 * form, kept for words with characters outside ASCII (whose lower case may add letters a–z).
 */
export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

export interface TextStatistics {
  words: number;
  sentences: number;
  syllables: number;
}

/** Words and syllables of `text[start, end)`; sentences as given. */
export function textStatistics(text: string, sentenceCount: number, start = 0, end = text.length): TextStatistics {
  let words = 0;
  let syllables = 0;
  forEachWord(
    text,
    (from, to) => {
      words++;
      syllables += syllablesAt(text, from, to);
    },
    start,
    end,
  );
  return { words, sentences: Math.max(1, sentenceCount), syllables };
}

/** Flesch–Kincaid grade level. */
export function fleschKincaidGrade(stats: TextStatistics): number {
  if (stats.words === 0) return 0;
  return 0.39 * (stats.words / stats.sentences) + 11.8 * (stats.syllables / stats.words) - 15.59;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;

/**
 * Each match of `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*` (a Unicode regex) in `text[start, end)`, without a regex or a match
 * object per word: this runs over every character of every answer.
 */
function forEachWord(text: string, visit: (start: number, end: number) => void, start = 0, end = text.length): void {
  let i = start;
  while (i < end) {
    let step = wordCharLength(text, i, end);
    if (step === 0) {
      i++;
      continue;
    }
    const from = i;
    for (;;) {
      while (step > 0) {
        i += step;
        step = wordCharLength(text, i, end);
      }
      const code = text.charCodeAt(i);
      if (
        i + 1 < end &&
        (code === APOSTROPHE || code === RIGHT_QUOTE || code === HYPHEN) &&
        (step = wordCharLength(text, i + 1, end)) > 0
      ) {
        i++;
        continue;
      }
      break;
    }
    visit(from, i);
  }
}

/** Letters a–z of a word, lower-cased (reused: words are short and counted one at a time). */
const letters = new Uint8Array(256);
const A = 97;
const E = 101;
const D = 100;
const S = 115;
const Y = 121;
/** a, e, i, o, u, y — and l, which keeps a final "-le"/"-les"/"-led" a syllable. */
const VOWEL = new Uint8Array(128);
for (const c of 'aeiouy') VOWEL[c.charCodeAt(0)] = 1;

function keeps(code: number): boolean {
  return code === 108 || VOWEL[code] === 1;
}

/** `countSyllables(text.slice(start, end))`, by character codes when the word is ASCII. */
function syllablesAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code >= 128 || end - start > letters.length) return countSyllables(text.slice(start, end));
    if (code >= 65 && code <= 90) code += 32;
    if (code >= A && code <= 122) letters[n++] = code;
  }
  if (n === 0) return 0;
  if (n <= 3) return 1;
  // Drop a final consonant + "es", "ed" or "e" (not after l or a vowel), then a leading "y".
  let last = n;
  if ((letters[n - 1] === S || letters[n - 1] === D) && letters[n - 2] === E && !keeps(letters[n - 3]!)) last = n - 3;
  else if (letters[n - 1] === E && !keeps(letters[n - 2]!)) last = n - 2;
  const first = letters[0] === Y ? 1 : 0;
  // Groups of one or two vowels: a run of k vowels counts ceil(k / 2).
  let groups = 0;
  let run = 0;
  for (let i = first; i < last; i++) {
    if (VOWEL[letters[i]!] === 1) run++;
    else if (run > 0) {
      groups += (run + 1) >> 1;
      run = 0;
    }
  }
  groups += (run + 1) >> 1;
  return Math.max(1, groups);
}
