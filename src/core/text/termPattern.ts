/**
 * Turning literal terms into regular expressions with word boundaries that suit medical prose:
 * Unicode letters, hyphenated terms ("ill" must not match "ill-defined") and numbers with units.
 */

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
export const LEFT_BOUNDARY = '(?<![\\p{L}\\p{M}\\p{N}_])(?<![\\p{L}\\p{N}]-)';
export const RIGHT_BOUNDARY = '(?![\\p{L}\\p{M}\\p{N}_])(?!-[\\p{L}\\p{N}])';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regex source for a literal term: any run of whitespace matches a space, boundaries at word edges. */
export function termToRegexSource(term: string): string {
  const body = term.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  const left = WORD_CHAR.test(term.trim()[0] ?? '') ? LEFT_BOUNDARY : '';
  const right = WORD_CHAR.test(term.trim().slice(-1)) ? RIGHT_BOUNDARY : '';
  return left + body + right;
}

/** Flags for every detector regex: Unicode always, case-insensitive unless the YAML says otherwise. */
export function regexFlags(ignorecase: boolean | undefined, extra = ''): string {
  return (ignorecase === false ? 'u' : 'iu') + extra;
}

/** Why a pattern is not a valid regular expression, or undefined if it is. */
export function regexError(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
