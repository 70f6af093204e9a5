import type { Scenario } from '../scenario/labels';
import { activeDetectors } from './activeDetectors';
import type { CompiledDetector, CompiledLibrary } from './compileLibrary';
import { parseDisableComments } from './disableComments';
import type { Finding } from './finding';
import { maskHiddenMarkdown } from './maskText';
import { measureLimit } from './measureLimit';
import { spanIndexAt, splitSentences, type Span } from './sentences';

export interface LintInput {
  /** The answer being written (a case's body). */
  answer: string;
  /** The question it answers (the last user turn, or the whole conversation); empty when unknown. */
  question: string;
  scenario: Scenario;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const WORDS = /[\p{L}\p{N}]/u;

/** Runs every applicable detector over the answer once; findings are sorted by position. */
export function lintAnswer(library: CompiledLibrary, input: LintInput): Finding[] {
  const text = maskHiddenMarkdown(input.answer);
  const active = activeDetectors(library, input.scenario, input.question);
  const context = new AnswerContext(text);
  const findings: Finding[] = [];

  const report = (detector: CompiledDetector, start: number, end: number, replacement?: string) => {
    if (!context.answerConditionsHold(detector)) return;
    if (detector.unlessSentence && detector.unlessSentence.test(context.sentenceTextAt(start))) return;
    findings.push(hitFinding(detector, text, start, end, replacement));
  };

  scanTerms(library, text, active, report);
  scanPatterns(library, text, active, report);
  if (WORDS.test(text)) {
    for (const detector of library.requires) {
      if (active[detector.index] && context.answerConditionsHold(detector)) {
        const finding = checkRequire(detector, text, context.sentences());
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
  constructor(private readonly text: string) {}

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
        (!detector.whenAnswer || detector.whenAnswer.test(this.text)) &&
        !(detector.unlessAnswer && detector.unlessAnswer.test(this.text));
      this.conditionCache.set(detector.index, holds);
    }
    return holds;
  }
}

type Report = (detector: CompiledDetector, start: number, end: number, replacement?: string) => void;

function scanTerms(library: CompiledLibrary, text: string, active: Uint8Array, report: Report): void {
  if (library.termIndex.size === 0) return;
  TOKEN.lastIndex = 0;
  for (let token = TOKEN.exec(text); token; token = TOKEN.exec(text)) {
    const entries = library.termIndex.get(token[0].toLowerCase());
    if (!entries) continue;
    for (const entry of entries) {
      if (!active[entry.detector.index]) continue;
      entry.regex.lastIndex = token.index;
      const match = entry.regex.exec(text);
      if (match) report(entry.detector, token.index, token.index + match[0].length, entry.replacement);
    }
  }
}

function scanPatterns(library: CompiledLibrary, text: string, active: Uint8Array, report: Report): void {
  for (const scan of library.patternScans) {
    const patterns = scan.patterns.filter((p) => active[p.detector.index]);
    if (patterns.length === 0) continue;
    const busyUntil = new Array<number>(patterns.length).fill(0);
    scan.combined.lastIndex = 0;
    for (let match = scan.combined.exec(text); match; match = scan.combined.exec(text)) {
      const at = match.index;
      patterns.forEach((pattern, i) => {
        if (at < busyUntil[i]!) return; // a pattern's own matches do not overlap, as with a global regex
        pattern.sticky.lastIndex = at;
        const hit = pattern.sticky.exec(text);
        if (!hit || hit[0].length === 0) return;
        busyUntil[i] = at + hit[0].length;
        report(pattern.detector, at, at + hit[0].length);
      });
      scan.combined.lastIndex = at + 1; // look again one character on: other patterns may start inside this match
    }
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

function checkRequire(detector: CompiledDetector, text: string, sentences: Span[]): Finding | undefined {
  if (sentences.length === 0 || detector.detector.kind !== 'require') return undefined;
  const limit = detector.detector.within?.sentences;
  const scopeEnd = limit ? sentences[Math.min(limit, sentences.length) - 1]!.end : text.length;
  if (detector.expect!.test(text.slice(0, scopeEnd))) return undefined;
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
