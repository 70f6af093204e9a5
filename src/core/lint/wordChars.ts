/** Letters and digits (`[\p{L}\p{N}]`), tested by character code: ASCII directly, the rest by the regex. */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** 1 for the ASCII characters of `[\p{L}\p{N}]`: letters and digits. */
export const ASCII_LETTER_OR_DIGIT = new Uint8Array(128);
/** 1 for the ASCII characters of `[\p{L}\p{M}\p{N}_]` (`\w`): what the term boundaries call a word character. */
export const ASCII_WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_LETTER_OR_DIGIT[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
  ASCII_WORD_CHAR[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;
}

/**
 * The length in UTF-16 units (1 or 2) of the letter or digit at `i`, or 0 when `text[i]` (before `end`) is
 * not one. A surrogate pair counts as one character, as in a `u` regex.
 */
export function wordCharLength(text: string, i: number, end: number): number {
  if (i >= end) return 0;
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_LETTER_OR_DIGIT[code]!;
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return LETTER_OR_DIGIT.test(text[i]!) ? 1 : 0;
}
