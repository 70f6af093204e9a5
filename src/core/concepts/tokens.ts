import { forEachWordSpan } from './wordSpans';

/**
 * Words of a text with their offsets, normalised once so every matcher compares plain strings: lower case,
 * accents folded ("opresión" = "opresion"), apostrophes dropped ("can't" = "cant"). Numbers keep their value.
 */
export interface Token {
  /** Normalised word. */
  word: string;
  start: number;
  end: number;
  /** Value of a number ("38.6", "1,000", "five"), else NaN. */
  value: number;
  /** Index of the sentence the token is in. */
  sentence: number;
  /** Index of the paragraph (blank-line separated) the token is in: nothing combines across paragraphs. */
  paragraph: number;
  /** A comma, colon, dash or bracket stands between this token and the previous one (a clause edge). */
  clauseBreak: boolean;
}

// A line break alone is a soft wrap inside a sentence; a blank line, a list item or a heading starts a new one.
const SENTENCE_GAP = /[.!?;¿¡]|\n\s*\n|\n\s*(?:[-*+•>#]|\d+[.)])/;
const PARAGRAPH_GAP = /\n[ \t]*\n/;
const CLAUSE_GAP = /[,:()[\]—–]|\s-\s/;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ]/g;

const NUMBER_WORDS = new Map<string, number>(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    dozen: 12,
    hundred: 100,
    uno: 1,
    una: 1,
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    um: 1,
    uma: 1,
    dois: 2,
    duas: 2,
    un: 1,
    une: 1,
    deux: 2,
    trois: 3,
    quatre: 4,
    cinq: 5,
  }),
);
/** Whether the word is ASCII letters and digits only (most words): nothing to fold but the case. */
function isPlainAscii(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 0x61 ? code > 0x7a : !((code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39))) return false;
  }
  return true;
}

export function normaliseWord(raw: string): string {
  // Most words are plain ASCII: skip the Unicode normalisation for them.
  if (isPlainAscii(raw)) return raw.toLowerCase();
  return raw.toLowerCase().normalize('NFD').replace(MARKS, '').replace(APOSTROPHES, '');
}

function numberValue(word: string): number {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    // "38,6" is a European decimal; "1,000" a thousands separator.
    const text = /^\d+,\d{1,2}$/.test(word) ? word.replace(',', '.') : word.replace(/,/g, '');
    const value = Number(text);
    return Number.isFinite(value) ? value : Number.NaN;
  }
  return NUMBER_WORDS.get(word) ?? Number.NaN;
}

/** Splits a text into tokens in one pass; linear in its length. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let paragraph = 0;
  let previousEnd = 0;
  forEachWordSpan(text, (start, end) => {
    const gap = gapBetween(text, previousEnd, start);
    if (tokens.length > 0 && (gap & SENTENCE) !== 0) sentence++;
    if (tokens.length > 0 && (gap & PARAGRAPH) !== 0) paragraph++;
    const word = normaliseWord(text.slice(start, end));
    tokens.push({ word, start, end, value: numberValue(word), sentence, paragraph, clauseBreak: (gap & CLAUSE) !== 0 });
    previousEnd = end;
  });
  return tokens;
}

const SENTENCE = 1;
const PARAGRAPH = 2;
const CLAUSE = 4;
// What a one-character gap is (most gaps are one space): the gap regexes' answers without a slice.
const ONE_CHAR_GAP = new Map<number, number>([
  ...[...'.!?;¿¡'].map((c) => [c.charCodeAt(0), SENTENCE] as const),
  ...[...',:()[]—–'].map((c) => [c.charCodeAt(0), CLAUSE] as const),
]);

const LINE_FEED = 0x0a;
const HYPHEN = 0x2d;

/** Which edges (sentence, paragraph, clause) the text between two tokens holds. */
function gapBetween(text: string, from: number, to: number): number {
  if (to - from <= 1) return to === from ? 0 : (ONE_CHAR_GAP.get(text.charCodeAt(from)) ?? 0);
  // Without a line break or a hyphen (most gaps: ", ", ". "), the gap regexes reduce to its characters' edges.
  let edges = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === LINE_FEED || code === HYPHEN) return gapEdges(text.slice(from, to));
    edges |= ONE_CHAR_GAP.get(code) ?? 0;
  }
  return edges;
}

function gapEdges(gap: string): number {
  return (
    (SENTENCE_GAP.test(gap) ? SENTENCE : 0) |
    (PARAGRAPH_GAP.test(gap) ? PARAGRAPH : 0) |
    (CLAUSE_GAP.test(gap) ? CLAUSE : 0)
  );
}
