import type { CompiledDetector } from './compileLibrary';
import type { Finding } from './finding';
import { countWords, fleschKincaidGrade, textStatistics } from './readability';
import { splitParagraphs, type Span } from './sentences';

const DEFAULT_MIN_WORDS_FOR_GRADE = 80;

/** Findings for a `limit` detector: each sentence/paragraph over the bound, or the answer as a whole. */
export function measureLimit(detector: CompiledDetector, text: string, sentences: Span[]): Finding[] {
  const limit = detector.detector;
  if (limit.kind !== 'limit') return [];
  const finding = (span: Span, measured: string): Finding => ({
    principleId: detector.principle.id,
    severity: detector.severity,
    start: span.start,
    end: span.end,
    message: `${detector.message} (${measured}; at most ${limit.max})`,
  });
  switch (limit.metric) {
    case 'sentence-words':
    case 'paragraph-words': {
      const spans = limit.metric === 'sentence-words' ? sentences : splitParagraphs(text);
      const findings: Finding[] = [];
      for (const span of spans) {
        const words = countWords(text.slice(span.start, span.end));
        if (words > limit.max) findings.push(finding(span, `${words} words`));
      }
      return findings;
    }
    case 'answer-words': {
      let total = 0;
      for (const span of sentences) {
        total += countWords(text.slice(span.start, span.end));
        if (total > limit.max) {
          const words = total + countWords(text.slice(span.end));
          return [finding({ start: span.start, end: text.trimEnd().length }, `${words} words`)];
        }
      }
      return [];
    }
    case 'reading-grade': {
      const stats = textStatistics(text, sentences.length);
      if (stats.words < (limit.minWords ?? DEFAULT_MIN_WORDS_FOR_GRADE)) return [];
      const grade = fleschKincaidGrade(stats);
      if (grade <= limit.max) return [];
      return [finding(hardestSentence(text, sentences), `reading grade ${grade.toFixed(1)} for the whole answer; this is its hardest sentence`)];
    }
  }
}

/** The sentence with the highest grade: the best place for the writer to start simplifying. */
function hardestSentence(text: string, sentences: Span[]): Span {
  let best = sentences[0]!;
  let bestGrade = -Infinity;
  for (const span of sentences) {
    const grade = fleschKincaidGrade(textStatistics(text.slice(span.start, span.end), 1));
    if (grade > bestGrade) {
      bestGrade = grade;
      best = span;
    }
  }
  return best;
}
