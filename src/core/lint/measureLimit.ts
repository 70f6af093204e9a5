import type { AnswerView } from './answerView';
import type { CompiledDetector } from './compileLibrary';
import type { Finding } from './finding';
import { fleschKincaidGrade } from './readability';
import type { Sentence } from './paragraphAnalysis';
import type { Span } from './sentences';

const DEFAULT_MIN_WORDS_FOR_GRADE = 80;

/** Findings for a `limit` detector: each sentence/paragraph over the bound, or the answer as a whole. */
export function measureLimit(detector: CompiledDetector, answer: AnswerView): Finding[] {
  const limit = detector.detector;
  if (limit.kind !== 'limit') return [];
  const finding = (span: Span, measured: string): Finding => ({
    principleId: detector.principle.id,
    severity: detector.severity,
    start: span.start,
    end: span.end,
    message: `${detector.message} (${measured}; at most ${limit.max})`,
  });
  const sentences = answer.sentences();
  const prose = (_: Sentence, index: number) => !answer.isListLikeSentence(index);
  switch (limit.metric) {
    case 'sentence-words':
      return sentences.filter((s, i) => s.words > limit.max && prose(s, i)).map((s) => finding(s, `${s.words} words`));
    case 'paragraph-words': {
      const findings: Finding[] = [];
      for (const paragraph of answer.paragraphs) {
        const inside = paragraph.analysis.sentences();
        const words = inside.reduce((n, s) => n + s.words, 0);
        if (words > limit.max && inside.length > 0) {
          findings.push(
            finding(
              { start: paragraph.start + inside[0]!.start, end: paragraph.start + inside[inside.length - 1]!.end },
              `${words} words`,
            ),
          );
        }
      }
      return findings;
    }
    case 'answer-words': {
      const total = sentences.reduce((n, s) => n + s.words, 0);
      let running = 0;
      for (const sentence of sentences) {
        running += sentence.words;
        if (running > limit.max)
          return [finding({ start: sentence.start, end: sentences[sentences.length - 1]!.end }, `${total} words`)];
      }
      return [];
    }
    case 'questions': {
      // The sentence where the count passes the bound is where the writer should start trimming.
      let asked = 0;
      for (const sentence of sentences) {
        if (answer.text[sentence.end - 1] !== '?') continue;
        asked++;
        if (asked === limit.max + 1) {
          const total = sentences.filter((s) => answer.text[s.end - 1] === '?').length;
          return [finding({ start: sentence.start, end: sentences[sentences.length - 1]!.end }, `${total} questions`)];
        }
      }
      return [];
    }
    case 'reading-grade': {
      const stats = answer.statistics();
      if (stats.words < (limit.minWords ?? DEFAULT_MIN_WORDS_FOR_GRADE)) return [];
      let grade = fleschKincaidGrade(stats);
      if (grade <= limit.max) return [];
      // Only now, when the answer reads as hard, is it worth setting its lists and tables aside.
      const proseSentences = sentences.filter(prose);
      if (proseSentences.length < sentences.length) {
        const words = proseSentences.reduce((n, s) => n + s.words, 0);
        if (words < (limit.minWords ?? DEFAULT_MIN_WORDS_FOR_GRADE)) return [];
        grade = fleschKincaidGrade({
          words,
          syllables: proseSentences.reduce((n, s) => n + s.syllables, 0),
          sentences: proseSentences.length,
        });
        if (grade <= limit.max) return [];
      }
      return [
        finding(
          hardestSentence(proseSentences),
          `reading grade ${grade.toFixed(1)} for the whole answer; this is its hardest sentence`,
        ),
      ];
    }
    case 'language-mismatch':
      return []; // needs the question: lintAnswer measures it
  }
}

/** The sentence with the highest grade: the best place for the writer to start simplifying. */
function hardestSentence(sentences: Sentence[]): Sentence {
  let best = sentences[0]!;
  let bestGrade = -Infinity;
  for (const sentence of sentences) {
    const grade = fleschKincaidGrade({ words: sentence.words, syllables: sentence.syllables, sentences: 1 });
    if (grade > bestGrade) {
      bestGrade = grade;
      best = sentence;
    }
  }
  return best;
}
