/**
 * A "sentence" that is really a list or a table row run together (items split by spaced dashes, semicolons,
 * bullets or wide gaps, a colon introducing comma-separated items, or a column of percentages): sentence
 * length and reading grade measure prose, and a list is already the structure plain-language guides ask for.
 */
export function isListLike(sentence: string): boolean {
  const colon = sentence.indexOf(': ');
  const afterColon = colon === -1 ? 0 : countOf(sentence.slice(colon), COMMA);
  return countOf(sentence, LIST_SEPARATOR) + afterColon >= 3 || countOf(sentence, PERCENT) >= 3;
}

const LIST_SEPARATOR = /\s[-–—•·]\s|;\s|\S[ \t]{2,}(?=\S)/g;
const COMMA = /,\s/g;
const PERCENT = /\d%/g;

function countOf(text: string, regex: RegExp): number {
  regex.lastIndex = 0;
  let n = 0;
  while (regex.exec(text)) n++;
  return n;
}
