import type { Scenario } from '../scenario/labels';
import { activeDetectors } from './activeDetectors';
import type { CompiledDetector, CompiledLibrary } from './compileLibrary';
import { parseDisableComments } from './disableComments';
import type { Finding } from './finding';
import { maskHiddenMarkdown } from './maskText';
import { measureLimit } from './measureLimit';
import { spanIndexAt, splitSentences, type Span } from './sentences';
import { TextView } from './textView';

export interface LintInput {
  /** The answer being written (a case's body). */
  answer: string;
  /** The question it answers (the last user turn, or the whole conversation); empty when unknown. */
  question: string;
  scenario: Scenario;
}

const WORDS = /[\p{L}\p{N}]/u;

/** Runs every applicable detector over the answer once; findings are sorted by position. */
export function lintAnswer(library: CompiledLibrary, input: LintInput): Finding[] {
  const text = maskHiddenMarkdown(input.answer);
  const active = activeDetectors(library, input.scenario, input.question);
  const context = new AnswerContext(text, library);
  const findings: Finding[] = [];

  const report = (detector: CompiledDetector, start: number, end: number, replacement?: string) => {
    if (!context.answerConditionsHold(detector)) return;
    if (detector.unlessSentence && detector.unlessSentence.test(context.sentenceTextAt(start))) return;
    findings.push(hitFinding(detector, text, start, end, replacement));
  };

  scanTerms(library, context.view, active, report);
  scanPatterns(library, context.view, active, report);
  if (WORDS.test(text)) {
    for (const detector of library.requires) {
      if (active[detector.index] && context.answerConditionsHold(detector)) {
        const finding = checkRequire(detector, context);
        if (finding) findings.push(finding);
      }
    }
    for (const detector of library.limits) {
      if (active[detector.index] && context.answerConditionsHold(detector)) {
        findings.push(...measureLimit(detector, text, context.sentences()));
      }
    }
  }
  return silenceAndSort(findings, input.answer);
}

/** Per-call lazy state: sentences and answer-level conditions are computed only if some hit needs them. */
class AnswerContext {
  private sentenceSpans: Span[] | undefined;
  private readonly conditionCache = new Map<number, boolean>();
  readonly view: TextView;
  constructor(
    private readonly text: string,
    library: CompiledLibrary,
  ) {
    this.view = new TextView(text, library.literalIndex);
  }

  sentences(): Span[] {
    return (this.sentenceSpans ??= splitSentences(this.text));
  }

  sentenceTextAt(offset: number): string {
    const spans = this.sentences();
    const index = spanIndexAt(spans, offset);
    return index === -1 ? '' : this.text.slice(spans[index]!.start, spans[index]!.end);
  }

  answerConditionsHold(detector: CompiledDetector): boolean {
    if (!detector.whenAnswer && !detector.unlessAnswer) return true;
    let holds = this.conditionCache.get(detector.index);
    if (holds === undefined) {
      holds =
        (!detector.whenAnswer || detector.whenAnswer.test(this.view)) &&
        !(detector.unlessAnswer && detector.unlessAnswer.test(this.view));
      this.conditionCache.set(detector.index, holds);
    }
    return holds;
  }
}

type Report = (detector: CompiledDetector, start: number, end: number, replacement?: string) => void;

/** Terms are checked only where the literal index saw their first word. */
function scanTerms(library: CompiledLibrary, view: TextView, active: Uint8Array, report: Report): void {
  for (const [firstWord, entries] of library.termIndex) {
    const positions = view.positionsOf(firstWord);
    if (positions.length === 0) continue;
    for (const entry of entries) {
      if (!active[entry.detector.index]) continue;
      for (const at of positions) {
        entry.regex.lastIndex = at;
        const match = entry.regex.exec(view.text);
        if (match) report(entry.detector, at, at + match[0].length, entry.replacement);
      }
    }
  }
}

function scanPatterns(library: CompiledLibrary, view: TextView, active: Uint8Array, report: Report): void {
  for (const pattern of library.patterns) {
    if (active[pattern.detector.index]) pattern.regex.forEachMatch(view, (start, end) => report(pattern.detector, start, end, pattern.replacement));
  }
}

function hitFinding(detector: CompiledDetector, text: string, start: number, end: number, replacement?: string): Finding {
  const found = text.slice(start, end);
  const finding: Finding = {
    principleId: detector.principle.id,
    severity: detector.severity,
    start,
    end,
    message: detector.message,
  };
  if (replacement !== undefined) {
    const fixed = matchCapitalisation(found, replacement);
    finding.message = `${detector.message}: replace “${found}” with “${fixed}”`;
    finding.fix = { start, end, replacement: fixed };
  } else if (detector.detector.kind === 'avoid' && detector.detector.suggest) {
    finding.message = `${detector.message}: “${found}” — consider “${detector.detector.suggest}”`;
  } else {
    finding.message = `${detector.message}: “${found}”`;
  }
  return finding;
}

/** "Hypertension" → "High blood pressure": keep a capital at the start of a sentence. */
function matchCapitalisation(found: string, replacement: string): string {
  const first = found[0] ?? '';
  const startsUpper = first !== first.toLowerCase() && found !== found.toUpperCase();
  if (startsUpper && replacement.length > 0) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

function checkRequire(detector: CompiledDetector, context: AnswerContext): Finding | undefined {
  const sentences = context.sentences();
  if (sentences.length === 0 || detector.detector.kind !== 'require') return undefined;
  const limit = detector.detector.within?.sentences;
  const scopeEnd = limit ? sentences[Math.min(limit, sentences.length) - 1]!.end : context.view.text.length;
  const scope = limit ? new TextView(context.view.text.slice(0, scopeEnd)) : context.view;
  if (detector.expect!.test(scope)) return undefined;
  const first = sentences[0]!;
  return {
    principleId: detector.principle.id,
    severity: detector.severity,
    start: first.start,
    end: limit ? scopeEnd : first.end,
    message: limit ? `${detector.message} (not found in the first ${limit} sentence${limit > 1 ? 's' : ''})` : detector.message,
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
  return [...byStart.values()].sort((a, b) => a.start - b.start || a.end - b.end || a.principleId.localeCompare(b.principleId));
}
