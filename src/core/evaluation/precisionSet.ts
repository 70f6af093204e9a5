import * as z from 'zod';
import type { CompiledLibrary } from '../lint/compileLibrary';
import { lintAnswer } from '../lint/lintAnswer';
import { applyOverrides, classifyQuestion } from '../scenario/classifyQuestion';

/**
 * Precision on third-party health writing: a corpus of good answers (MedQuAD's NIH consumer pages) is linted
 * as lay cases, every finding is labelled by hand as right or wrong, and the report gives precision by
 * detector kind and by principle, plus how many findings good writing draws per 1,000 words.
 */
export interface CorpusAnswer {
  id: string;
  question: string;
  answer: string;
  /** Who the answer is for; left to the classifier when unset. */
  audience?: 'layperson' | 'clinician';
}

/** MedQuAD's JSONL (`{id, question, answer, …}` a line): NIH pages written for the public, so lay cases. */
export function medquadCorpus(jsonl: string): CorpusAnswer[] {
  return jsonLines(jsonl).map((r) => ({
    id: String(r['id']),
    question: String(r['question']),
    answer: String(r['answer']),
    audience: 'layperson' as const,
  }));
}

/** HealthBench examples with a physician-written ideal completion, read as the classifier reads the prompt. */
export function healthBenchIdealCorpus(jsonl: string): CorpusAnswer[] {
  const corpus: CorpusAnswer[] = [];
  for (const record of jsonLines(jsonl)) {
    const ideal = (record['ideal_completions_data'] as { ideal_completion?: string } | null)?.ideal_completion;
    const prompt = record['prompt'] as { role: string; content: string }[];
    const question = prompt.filter((m) => m.role === 'user').at(-1)?.content;
    if (ideal && question) corpus.push({ id: `healthbench:${String(record['prompt_id'])}`, question, answer: ideal });
  }
  return corpus;
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export const precisionLabelSchema = z
  .object({
    answer: z.string().min(1),
    principle: z.string().min(1),
    /** The flagged text (its first 80 characters, whitespace collapsed). */
    quote: z.string(),
    /** Which of several identical (answer, principle, quote) findings, from 1. */
    nth: z.number().int().min(1).default(1),
    correct: z.boolean(),
    reason: z.string().min(3),
  })
  .strict();
export type PrecisionLabel = z.infer<typeof precisionLabelSchema>;

export interface CorpusFinding {
  answer: string;
  principle: string;
  kind: string;
  severity: string;
  quote: string;
  nth: number;
  message: string;
  /** A little text either side, for whoever labels it. */
  context: string;
}

const quoteOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 80);

/** Lints every answer for its audience (the classifier's when the corpus names none). */
export function lintCorpus(
  library: CompiledLibrary,
  corpus: readonly CorpusAnswer[],
): { findings: CorpusFinding[]; words: number } {
  const findings: CorpusFinding[] = [];
  let words = 0;
  for (const item of corpus) {
    words += item.answer.split(/\s+/).filter(Boolean).length;
    const { scenario } = applyOverrides(classifyQuestion(item.question, library.lexicon), { audience: item.audience });
    const seen = new Map<string, number>();
    for (const finding of lintAnswer(library, { answer: item.answer, question: item.question, scenario })) {
      const detector = library.detectors.find((d) => d.principle.id === finding.principleId);
      const quote = quoteOf(item.answer.slice(finding.start, finding.end));
      const key = `${finding.principleId}|${quote}`;
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      findings.push({
        answer: item.id,
        principle: finding.principleId,
        kind: kindOf(library, finding.principleId, finding.message, detector?.detector.kind ?? 'unknown'),
        severity: finding.severity,
        quote,
        nth,
        message: finding.message,
        context: item.answer.slice(Math.max(0, finding.start - 100), finding.end + 100).replace(/\s+/g, ' '),
      });
    }
  }
  return { findings, words };
}

/** A principle can hold detectors of several kinds: the finding's message tells which one fired. */
function kindOf(library: CompiledLibrary, principleId: string, message: string, fallback: string): string {
  const candidates = library.detectors.filter((d) => d.principle.id === principleId);
  const byMessage = candidates.find((d) => message.startsWith(d.message));
  return (byMessage ?? candidates[0])?.detector.kind ?? fallback;
}

export interface Ratio {
  correct: number;
  of: number;
  precision: number | null;
}

export interface PrecisionReport {
  answers: number;
  words: number;
  findings: number;
  labelled: number;
  /** Findings no label covers (a changed detector): label them before trusting the figures. */
  unlabelled: CorpusFinding[];
  byKind: Record<string, Ratio>;
  /** Warnings and errors only, by kind: the level a writer is asked to act on. */
  actionableByKind: Record<string, Ratio>;
  byPrinciple: Record<string, Ratio>;
  per1000Words: { warningsAndErrors: number; other: number };
}

export function precisionReport(
  corpus: readonly CorpusAnswer[],
  result: { findings: CorpusFinding[]; words: number },
  labels: readonly PrecisionLabel[],
): PrecisionReport {
  const byKey = new Map(labels.map((l) => [`${l.answer}|${l.principle}|${l.quote}|${l.nth}`, l]));
  const byKind: Record<string, Ratio> = {};
  const actionableByKind: Record<string, Ratio> = {};
  const byPrinciple: Record<string, Ratio> = {};
  const unlabelled: CorpusFinding[] = [];
  const add = (table: Record<string, Ratio>, key: string, correct: boolean) => {
    const ratio = (table[key] ??= { correct: 0, of: 0, precision: null });
    ratio.of++;
    if (correct) ratio.correct++;
    ratio.precision = Math.round((ratio.correct / ratio.of) * 1000) / 1000;
  };
  let actionable = 0;
  for (const finding of result.findings) {
    const isActionable = finding.severity === 'error' || finding.severity === 'warning';
    if (isActionable) actionable++;
    const label = byKey.get(`${finding.answer}|${finding.principle}|${finding.quote}|${finding.nth}`);
    if (!label) {
      unlabelled.push(finding);
      continue;
    }
    add(byKind, finding.kind, label.correct);
    add(byPrinciple, finding.principle, label.correct);
    if (isActionable) add(actionableByKind, finding.kind, label.correct);
  }
  const per1000 = (n: number) => Math.round((n / result.words) * 1000 * 1000) / 1000;
  return {
    answers: corpus.length,
    words: result.words,
    findings: result.findings.length,
    labelled: result.findings.length - unlabelled.length,
    unlabelled,
    byKind,
    actionableByKind,
    byPrinciple,
    per1000Words: { warningsAndErrors: per1000(actionable), other: per1000(result.findings.length - actionable) },
  };
}
