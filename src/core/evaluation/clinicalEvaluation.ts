import type { ConceptLexicon } from '../concepts/conceptLexicon';
import type { CompiledLibrary } from '../lint/compileLibrary';
import { lintAnswer } from '../lint/lintAnswer';
import { applyOverrides, classifyQuestion } from '../scenario/classifyQuestion';
import type { ClinicalAnswer, ClinicalQuestion } from './clinicalSet';

export interface Ratio {
  hit: number;
  of: number;
  rate: number;
}

function ratio(hit: number, of: number): Ratio {
  return { hit, of, rate: of === 0 ? 1 : Math.round((hit / of) * 1000) / 1000 };
}

export interface QuestionReport {
  urgencyAccuracy: Ratio;
  /** Emergencies labelled at least conditionally emergent with a current red flag: none left unflagged. */
  emergencyRecall: Ratio;
  /** Emergencies labelled emergent. */
  emergentRecall: Ratio;
  /** Questions labelled emergent that are emergencies. */
  emergentPrecision: Ratio;
  /** Expected current red flags found current. */
  redFlagRecall: Ratio;
  /** Red flags mentioned only in the past, negated or hypothetically that were not taken as current. */
  distractorAccuracy: Ratio;
  expertiseAccuracy: Ratio;
  byLanguage: Record<string, { urgencyAccuracy: Ratio; emergencyRecall: Ratio }>;
  misses: string[];
}

const RANK = { unknown: -1, 'non-emergent': 0, 'conditionally-emergent': 1, emergent: 2 } as const;

export function evaluateQuestions(questions: readonly ClinicalQuestion[], lexicon: ConceptLexicon): QuestionReport {
  const count = {
    urgency: 0,
    emergencies: 0,
    flagged: 0,
    emergent: 0,
    labelledEmergent: 0,
    correctEmergent: 0,
    flags: 0,
    flagsFound: 0,
    absent: 0,
    absentOk: 0,
    expertise: 0,
    expertiseOk: 0,
  };
  const byLanguage: Record<string, { n: number; ok: number; e: number; eOk: number }> = {};
  const misses: string[] = [];
  for (const item of questions) {
    const classification = classifyQuestion(item.question, lexicon);
    const label = classification.scenario.urgency;
    const current = new Set(classification.concepts.filter((m) => m.current).map((m) => m.concept));
    const lang = (byLanguage[item.language] ??= { n: 0, ok: 0, e: 0, eOk: 0 });
    lang.n++;
    if (label === item.urgency) {
      count.urgency++;
      lang.ok++;
    } else
      misses.push(
        `${item.id} urgency: expected ${item.urgency}, got ${label} (${classification.evidence.urgency}) — ${item.question.slice(0, 90)}`,
      );
    if (item.urgency === 'emergent') {
      count.emergencies++;
      lang.e++;
      const flagged = RANK[label] >= 1 && classification.redFlags.length > 0;
      if (flagged) {
        count.flagged++;
        lang.eOk++;
      }
      if (label === 'emergent') count.emergent++;
    }
    if (label === 'emergent') {
      count.labelledEmergent++;
      if (item.urgency === 'emergent') count.correctEmergent++;
    }
    for (const id of item.redFlags) {
      count.flags++;
      if (current.has(id)) count.flagsFound++;
      else misses.push(`${item.id} red flag not found: ${id} — ${item.question.slice(0, 90)}`);
    }
    for (const id of item.absentRedFlags) {
      count.absent++;
      if (!current.has(id)) count.absentOk++;
      else misses.push(`${item.id} taken as current: ${id} — ${item.question.slice(0, 90)}`);
    }
    if (item.expertise) {
      count.expertise++;
      if (classification.scenario.expertise === item.expertise) count.expertiseOk++;
    }
  }
  return {
    urgencyAccuracy: ratio(count.urgency, questions.length),
    emergencyRecall: ratio(count.flagged, count.emergencies),
    emergentRecall: ratio(count.emergent, count.emergencies),
    emergentPrecision: ratio(count.correctEmergent, count.labelledEmergent),
    redFlagRecall: ratio(count.flagsFound, count.flags),
    distractorAccuracy: ratio(count.absentOk, count.absent),
    expertiseAccuracy: ratio(count.expertiseOk, count.expertise),
    byLanguage: Object.fromEntries(
      Object.entries(byLanguage).map(([l, c]) => [
        l,
        { urgencyAccuracy: ratio(c.ok, c.n), emergencyRecall: ratio(c.eOk, c.e) },
      ]),
    ),
    misses,
  };
}

export interface AnswerReport {
  /** Unsafe answers that got what they must (an error-level finding). */
  unsafeCaught: Ratio;
  /** Safe answers that got nothing they must not. */
  safeClean: Ratio;
  /** All cases meeting every expectation. */
  accuracy: Ratio;
  misses: string[];
}

export function evaluateAnswers(answers: readonly ClinicalAnswer[], library: CompiledLibrary): AnswerReport {
  let unsafe = 0;
  let caught = 0;
  let safe = 0;
  let clean = 0;
  const misses: string[] = [];
  for (const item of answers) {
    const classification = applyOverrides(classifyQuestion(item.question, library.lexicon), {
      audience: item.audience,
    });
    const findings = lintAnswer(library, {
      answer: item.answer,
      question: item.question,
      scenario: classification.scenario,
    });
    const has = (expectation: string) =>
      expectation === 'error' || expectation === 'warning'
        ? findings.some((f) => f.severity === expectation)
        : findings.some((f) => f.principleId === expectation);
    const missing = item.must.filter((m) => !has(m));
    const unwanted = item.mustNot.filter((m) => has(m));
    const ok = missing.length === 0 && unwanted.length === 0;
    if (item.kind === 'unsafe') {
      unsafe++;
      if (ok) caught++;
    } else {
      safe++;
      if (ok) clean++;
    }
    if (!ok) {
      const got = findings
        .filter((f) => f.severity === 'error' || f.severity === 'warning')
        .map((f) => `${f.severity} ${f.principleId}`);
      misses.push(
        `${item.id} (${item.kind}) missing [${missing.join(', ')}] unwanted [${unwanted.join(', ')}]; got ${got.join('; ') || 'nothing'} — ${item.question.slice(0, 80)}`,
      );
    }
  }
  return {
    unsafeCaught: ratio(caught, unsafe),
    safeClean: ratio(clean, safe),
    accuracy: ratio(caught + clean, answers.length),
    misses,
  };
}
