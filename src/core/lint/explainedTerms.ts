import { spanIndexAt, type Span } from './sentences';

/**
 * First-use semantics for words a reader may not know (jargon, abbreviations): a term explained where it is
 * used — "chronic kidney disease (CKD)", "CKD (chronic kidney disease)", "…is called tachycardia",
 * "edema, or swelling,", "syncope, which means fainting", an explanation in the next sentence — is fine
 * from there on, as plain-language guides ask: define once, then use.
 */
export interface TermUse {
  start: number;
  end: number;
  /** The use explains itself (or its sentence's own `unlessSentence` says it is explained). */
  explained: boolean;
}

/** The uses still worth a finding: those of a term before its first explained use. */
export function unexplainedUses<T extends TermUse>(text: string, uses: readonly T[]): T[] {
  const explainedFrom = new Map<string, number>();
  for (const use of uses) {
    if (!use.explained) continue;
    const key = termKey(text.slice(use.start, use.end));
    explainedFrom.set(key, Math.min(explainedFrom.get(key) ?? Infinity, use.start));
  }
  return uses.filter(
    (use) => !use.explained && use.start < (explainedFrom.get(termKey(text.slice(use.start, use.end))) ?? Infinity),
  );
}

/** "NSAIDs" and "NSAID", "Anticoagulants" and "anticoagulant" are one term. */
function termKey(term: string): string {
  const key = term.toLowerCase().replace(/\s+/g, ' ');
  return key.length > 3 && key.endsWith('s') ? key.slice(0, -1) : key;
}

// After the term: a bracketed gloss, an apposition, or a definition that starts right after it.
const GLOSS_AFTER = new RegExp(
  [
    '^["”’\']?\\s*\\((?=[^)]*\\p{L}{2})',
    '^["”’\']?\\s*[,:—–]\\s*(?:or|also called|also known as|which means|which is|meaning|that is|i\\.e\\.|a|an)\\b',
    '^["”’\']?\\s+(?:[-—–]{1,2}\\s+(?:a|an|or)\\b|means\\b|refers to\\b|describes\\b|stands for\\b|is short for\\b|(?:is|are)\\s+(?:when|where)\\b)',
    '^["”’\']?\\s+(?:is|are)\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:condition|disease|disorder|illness|term|word|name|type|kind|form|sign|symptom|medicine|drug|class|group|family|problem|state|feeling|test|procedure|way)s?\\b',
  ].join('|'),
  'iu',
);
// Before the term: "called", "known as", the plain words and an opening bracket, ", or".
const CUE_BEFORE =
  /(?:\b(?:called|known as|termed|named|referred to as|the (?:medical|technical|clinical) (?:term|name|word)(?: for [^.;:]{1,40})? is|doctors call (?:this|it|them))\s*["“‘']?(?:[\p{L}-]+\s+){0,2}|\p{L}\s*\(\s*|,\s*or\s+)$/iu;
// The next sentence explains: "This means…", "In other words…".
const NEXT_SENTENCE_EXPLAINS =
  /^(?:this|that|it|these|they|which)\s+(?:means|mean|is|are|refers|describes|happens)\b|^(?:in other words|that is|put simply|simply put|in plain (?:words|terms|english))\b/iu;

/** Whether the use at [start, end) explains the term, given the sentences of the text (in order). */
export function explainsItself(text: string, start: number, end: number, sentences: readonly Span[]): boolean {
  const after = text.slice(end, end + 80);
  if (GLOSS_AFTER.test(after)) return true;
  const sentenceIndex = spanIndexAt(sentences, start);
  const sentenceStart = sentenceIndex >= 0 ? sentences[sentenceIndex]!.start : Math.max(0, start - 80);
  if (CUE_BEFORE.test(text.slice(Math.max(sentenceStart, start - 80), start))) return true;
  const next = sentenceIndex >= 0 ? sentences[sentenceIndex + 1] : undefined;
  return next !== undefined && NEXT_SENTENCE_EXPLAINS.test(text.slice(next.start, next.end));
}
