import { parseCase, type CaseDocument } from '../case/parseCase';
import { classifyCase, type CaseReadingOptions } from '../scenario/classifyCase';
import type { Classification } from '../scenario/classifyQuestion';
import type { CompiledLibrary } from './compileLibrary';
import type { Finding } from './finding';
import { lintAnswer, type LintInput } from './lintAnswer';

export interface CaseLintResult {
  document: CaseDocument;
  classification: Classification;
  /** Findings in offsets of the whole document (fix ranges too). */
  findings: Finding[];
}

export type { CaseReadingOptions };

/** Parses a case, works out its scenario and lints its answer; never throws on bad input. */
export function lintCase(library: CompiledLibrary, text: string, options: CaseReadingOptions = {}): CaseLintResult {
  const prepared = prepareCase(library, text, options);
  return finishCase(prepared, lintAnswer(library, prepared.input));
}

/** A parsed case with its scenario, and what the answer lint needs (which may run in a worker). */
export interface PreparedCase {
  document: CaseDocument;
  classification: Classification;
  input: LintInput;
}

/** What reading a case needs of a library: its concepts (no detectors: a front end that lints in a worker needs none). */
export type CaseReadingLibrary = Pick<CompiledLibrary, 'lexicon' | 'recognitions'>;

export function prepareCase(library: CaseReadingLibrary, text: string, options: CaseReadingOptions = {}): PreparedCase {
  const document = parseCase(text);
  const classification = classifyCase(
    document,
    library.lexicon,
    options,
    library.recognitions.recognise(document.question),
  );
  return {
    document,
    classification,
    input: { answer: document.body, question: document.question, scenario: classification.scenario },
  };
}

/** The case result from the answer's findings (in answer offsets). */
export function finishCase(prepared: PreparedCase, answerFindings: Finding[]): CaseLintResult {
  const { document, classification } = prepared;
  return {
    document,
    classification,
    findings: answerFindings.map((finding) => shiftFinding(finding, document.bodyStart)),
  };
}

function shiftFinding(finding: Finding, by: number): Finding {
  const shifted: Finding = { ...finding, start: finding.start + by, end: finding.end + by };
  if (finding.fix) shifted.fix = { ...finding.fix, start: finding.fix.start + by, end: finding.fix.end + by };
  return shifted;
}
