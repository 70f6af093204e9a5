/**
 * A "sentence" that is really a list or a table row run together, or several sentences the segmenter could
 * not split (list items whose line breaks were lost, "…smoking. age 70 or older", "…months.It is"): sentence
 * length and reading grade measure prose, and a list is already the structure plain-language guides ask for.
 */
export function isListLike(sentence: string): boolean {
  if (RUN_TOGETHER.test(sentence)) return true;
  const colon = sentence.indexOf(': ');
  const afterColon =
    colon === -1 ? 0 : countOf(sentence.slice(colon), COMMA) + countOf(sentence.slice(colon), ITEM_CAPITAL);
  return countOf(sentence, LIST_SEPARATOR) + afterColon >= 3 || countOf(sentence, PERCENT) >= 3;
}

// A sentence end inside the span: a full stop then a lower-case word or a list marker, or no space at all.
const RUN_TOGETHER = /\p{Ll}{3}[.!?](?:\s+(?:\p{Ll}|[-–•*]\s)|\p{Lu}\p{Ll})/u;
const LIST_SEPARATOR = /\s[-–—•·]\s|;\s|\S[ \t]{2,}(?=\S)/g;
const COMMA = /,\s/g;
// Items after a colon that start with a capital in mid-sentence: "include: Bone pain Nausea Constipation".
const ITEM_CAPITAL = /\p{Ll}\)?\s+\p{Lu}\p{Ll}/gu;
const PERCENT = /\d%/g;

function countOf(text: string, regex: RegExp): number {
  regex.lastIndex = 0;
  let n = 0;
  while (regex.exec(text)) n++;
  return n;
}
