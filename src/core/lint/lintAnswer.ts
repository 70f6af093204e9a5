import { currentMentions, type Recognition } from '../concepts/recognise';
import { refMatches } from '../concepts/conceptRef';
import type { Scenario } from '../scenario/labels';
import { activeDetectors } from './activeDetectors';
import { AnswerView } from './answerView';
import { CONTEXT_BITS } from '../concepts/contextScopes';
import { contextBitsAt, isRejectedClaim, type ContextAt } from './claimContext';
import { explainsItself, unexplainedUses, type TermUse } from './explainedTerms';
import { insideLongerTerm, insideName } from './longerTerm';
import type { CompiledDetector, CompiledLibrary } from './compileLibrary';
import { parseDisableComments } from './disableComments';
import type { Finding } from './finding';
import { maskHiddenMarkdown } from './maskText';
import { measureLimit } from './measureLimit';
import { TextView } from './textView';

export interface LintInput {
  /** The answer being written (a case's body). */
  answer: string;
  /** The question it answers (the last user turn, or the whole conversation); empty when unknown. */
  question: string;
  scenario: Scenario;
  /** The case's `locale:` (en-GB, es-ES…): drives emergency numbers. */
  locale?: string | undefined;
}

const WORDS = /[\p{L}\p{N}]/u;

/** Runs every applicable detector over the answer; findings are sorted by position. */
export function lintAnswer(library: CompiledLibrary, input: LintInput): Finding[] {
  const text = maskHiddenMarkdown(input.answer);
  const active = activeDetectors(library, input.scenario, input.question, input.locale);
  const answer = new AnswerView(text, library.paragraphs);
  // The answer's concepts are read only when a detector that needs them runs (red-flag questions, mostly).
  let recognition: Recognition | undefined;
  const answerConcepts = () => (recognition ??= library.recognitions.recogniseByParagraph(text));
  const conditions = new AnswerConditions(answer, answerConcepts);
  // A claim's context needs only its own paragraph read (context never crosses a blank line), and never the
  // answer's tokens put together (a copy of every token, on every keystroke).
  const claimContext: ContextAt = (start, end) => {
    const paragraph = library.recognitions.paragraphAt(text, start);
    return contextBitsAt(paragraph.recognition, start - paragraph.start, end - paragraph.start);
  };
  // A detector's `unlessSentence` verdict, by sentence × detector: a sentence full of hits is tested once.
  const sentenceVerdicts = new Map<number, boolean>();
  const findings: Finding[] = [];
  // Jargon is judged on the whole answer once every use is known: explained once, fine from there on.
  const jargonUses: JargonUse[] = [];

  const report = (
    detector: CompiledDetector,
    start: number,
    end: number,
    replacement?: string,
    conceptMention = false,
  ) => {
    if (!active[detector.index] || !conditions.hold(detector)) return;
    const kind = detector.detector.kind;
    const jargon = (kind === 'avoid' || kind === 'replace') && detector.detector.jargon === true;
    // Words are judged as words: never inside a longer term or a name, where a swap would make nonsense.
    if ((jargon || replacement !== undefined) && insideLongerTerm(text, start, end)) return;
    // Claims are judged as claims: not where the answer negates, refutes or quotes them. (Concept mentions
    // carry their own context: see avoidedMentions.)
    if (kind === 'avoid' && !jargon && !conceptMention) {
      // Notation is wrong even where it is negated ("do not take >4 g") or repeated from the question (an
      // identifier left in), but not where it is quoted.
      if (
        detector.detector.notation
          ? answer.isQuoted(start, end)
          : insideName(text, start, end, input.question) || isRejectedClaim(claimContext, text, answer, start, end)
      )
        return;
    }
    let explained = false;
    if (detector.unlessSentence) {
      const at = answer.sentenceIndexAt(start);
      if (at >= 0) {
        const key = at * library.detectors.length + detector.index;
        const sentence = answer.sentences()[at]!;
        explained = sentenceVerdicts.get(key) ?? detector.unlessSentence.test(text.slice(sentence.start, sentence.end));
        sentenceVerdicts.set(key, explained);
      }
      if (explained && !jargon) return;
    }
    if (jargon) {
      explained ||= explainsItself(text, start, end, answer.sentences());
      jargonUses.push({ detector, start, end, replacement, explained });
    } else findings.push(hitFinding(detector, text, start, end, replacement));
  };

  for (const paragraph of answer.paragraphs) {
    const hits = paragraph.analysis.termHits();
    for (let i = 0; i < hits.length; i += 3) {
      const entry = library.termEntries[hits[i]!]!;
      report(entry.detector, paragraph.start + hits[i + 1]!, paragraph.start + hits[i + 2]!, entry.replacement);
    }
  }
  for (const pattern of library.patterns) {
    if (active[pattern.detector.index])
      pattern.regex.forEachMatch(answer, (start, end) => report(pattern.detector, start, end, pattern.replacement));
  }
  for (const detector of library.conceptDetectors) {
    if (!detector.avoidConcepts || !active[detector.index]) continue;
    for (const mention of avoidedMentions(detector, answerConcepts(), claimContext))
      report(detector, mention.start, mention.end, undefined, true);
  }
  for (const use of unexplainedUses(text, jargonUses))
    findings.push(hitFinding(use.detector, text, use.start, use.end, use.replacement));
  if (WORDS.test(text)) {
    for (const detector of library.requires) {
      if (active[detector.index] && conditions.hold(detector)) {
        const finding = checkRequire(detector, answer, answerConcepts);
        if (finding) findings.push(finding);
      }
    }
    for (const detector of library.limits) {
      if (!active[detector.index] || !conditions.hold(detector)) continue;
      if (detector.detector.kind === 'limit' && detector.detector.metric === 'language-mismatch') {
        // A question of no known language (or none) cannot be answered in the wrong one: the answer is not read.
        const question = library.recognitions.recognise(input.question);
        const finding =
          question.language === 'unknown' ? undefined : languageMismatch(detector, question, answerConcepts());
        if (finding) findings.push(finding);
      } else findings.push(...measureLimit(detector, answer));
    }
  }
  return silenceAndSort(findings, input.answer);
}

interface JargonUse extends TermUse {
  detector: CompiledDetector;
  replacement: string | undefined;
}

/** `when.answer` / `unless.answer` of each detector, worked out at most once per lint. */
class AnswerConditions {
  private readonly cache = new Map<number, boolean>();
  constructor(
    private readonly answer: AnswerView,
    private readonly concepts: () => Recognition,
  ) {}

  hold(detector: CompiledDetector): boolean {
    if (
      !detector.whenAnswer &&
      !detector.unlessAnswer &&
      !detector.whenAnswerConcepts &&
      !detector.unlessAnswerConcepts
    )
      return true;
    let holds = this.cache.get(detector.index);
    if (holds === undefined) {
      const when =
        !(detector.whenAnswer || detector.whenAnswerConcepts) ||
        (detector.whenAnswer?.test(this.answer) ?? false) ||
        (detector.whenAnswerConcepts !== undefined &&
          currentMentions(this.concepts(), detector.whenAnswerConcepts).length > 0);
      const unless =
        (detector.unlessAnswer?.test(this.answer) ?? false) ||
        (detector.unlessAnswerConcepts !== undefined &&
          currentMentions(this.concepts(), detector.unlessAnswerConcepts).length > 0);
      holds = when && !unless;
      this.cache.set(detector.index, holds);
    }
    return holds;
  }
}

function hitFinding(
  detector: CompiledDetector,
  text: string,
  start: number,
  end: number,
  replacement?: string,
): Finding {
  const found = text.slice(start, end);
  const finding: Finding = {
    principleId: detector.principle.id,
    severity: detector.severity,
    start,
    end,
    message: detector.message,
  };
  if (replacement !== undefined) {
    const fixed = keepSentenceStop(found, matchCapitalisation(found, replacement), text, end);
    finding.message = `${detector.message}: replace “${found}” with “${fixed}”`;
    finding.fix = { start, end, replacement: fixed };
  } else if (detector.detector.kind === 'avoid' && detector.detector.suggest) {
    finding.message = `${detector.message}: “${found}” — consider “${detector.detector.suggest}”`;
  } else {
    finding.message = `${detector.message}: “${found}”`;
  }
  return finding;
}

/**
 * "Take 40 mg q.d." → "Take 40 mg daily.": a term ending in a full stop at the end of a sentence also carries
 * the sentence's full stop, which the replacement must keep.
 */
function keepSentenceStop(found: string, fixed: string, text: string, end: number): string {
  if (!found.endsWith('.') || fixed.endsWith('.')) return fixed;
  const after = text.slice(end, end + 3);
  const endsSentence = after === '' || /^(?:\s*$|\s*\n|\s+[\p{Lu}"“(])/u.test(after);
  return endsSentence ? `${fixed}.` : fixed;
}

/** "Hypertension" → "High blood pressure": keep a capital at the start of a sentence. */
function matchCapitalisation(found: string, replacement: string): string {
  const first = found[0] ?? '';
  const startsUpper = first !== first.toLowerCase() && found !== found.toUpperCase();
  if (startsUpper && replacement.length > 0) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * Mentions an `avoid` detector reports: never a negated one ("don't drive yourself") or a past one; a
 * hypothetical one ("if it settles, see your GP next week") only when the answer has no current mention of
 * what makes it safe (the emergency call).
 */
function avoidedMentions(detector: CompiledDetector, recognition: Recognition, contextAt: ContextAt) {
  const refs = detector.avoidConcepts!;
  const mentions = recognition.mentions.filter(
    (m) => !m.negated && !m.historical && refs.some((ref) => refMatches(ref, m.concept)),
  );
  // A refuted or attributed mention ("it is a myth that you can wait it out") is treated like a hypothetical
  // one: safe only beside the current action that makes it so, since "some people wait it out at home, and
  // that's fine" endorses what it attributes.
  const aside = (m: Recognition['mentions'][number]) =>
    m.hypothetical || (contextAt(m.start, m.end) & CONTEXT_BITS.refuted) !== 0;
  if (!mentions.some(aside)) return mentions;
  const safe =
    detector.hypotheticalOkWith !== undefined && currentMentions(recognition, detector.hypotheticalOkWith).length > 0;
  return safe ? mentions.filter((m) => !aside(m)) : mentions;
}

/** An answer in another language than the question (both recognised with confidence). */
function languageMismatch(detector: CompiledDetector, question: Recognition, answer: Recognition): Finding | undefined {
  if (question.language === 'unknown' || answer.language === 'unknown' || question.language === answer.language)
    return undefined;
  const names = { en: 'English', es: 'Spanish', pt: 'Portuguese', fr: 'French' } as const;
  const first = answer.tokens[0];
  const last = answer.tokens[Math.min(answer.tokens.length, 12) - 1];
  return {
    principleId: detector.principle.id,
    severity: detector.severity,
    start: first?.start ?? 0,
    end: last?.end ?? 0,
    message: `${detector.message}: the question is in ${names[question.language]}, the answer in ${names[answer.language]}`,
  };
}

function checkRequire(
  detector: CompiledDetector,
  answer: AnswerView,
  concepts: () => Recognition,
): Finding | undefined {
  const sentences = answer.sentences();
  if (sentences.length === 0 || detector.detector.kind !== 'require') return undefined;
  const limit = detector.detector.within?.sentences;
  const scopeEnd = limit ? sentences[Math.min(limit, sentences.length) - 1]!.end : answer.text.length;
  const scope = limit ? new TextView(answer.text.slice(0, scopeEnd)) : answer;
  if (detector.expect!.test(scope)) return undefined;
  if (detector.expectConcepts && currentMentions(concepts(), detector.expectConcepts).some((m) => m.start < scopeEnd))
    return undefined;
  const first = sentences[0]!;
  return {
    principleId: detector.principle.id,
    severity: detector.severity,
    start: first.start,
    end: limit ? scopeEnd : first.end,
    message: limit
      ? `${detector.message} (not found in the first ${limit} sentence${limit > 1 ? 's' : ''})`
      : detector.message,
  };
}

function silenceAndSort(findings: Finding[], originalAnswer: string): Finding[] {
  const silenced = parseDisableComments(originalAnswer);
  // Two terms of one principle starting at the same place ("q.d" and "q.d."): keep the longer match.
  const byStart = new Map<string, Finding>();
  for (const finding of findings) {
    if (silenced(finding.principleId, finding.start)) continue;
    const key = `${finding.principleId}:${finding.start}`;
    const kept = byStart.get(key);
    if (!kept || finding.end > kept.end) byStart.set(key, finding);
  }
  return [...byStart.values()].sort(
    (a, b) => a.start - b.start || a.end - b.end || a.principleId.localeCompare(b.principleId),
  );
}
