import { parseCase, type CaseDocument } from '../case/parseCase';
import { applyOverrides, classifyQuestion, type Classification } from '../scenario/classifyQuestion';
import type { CompiledLibrary } from './compileLibrary';
import type { Finding } from './finding';
import { lintAnswer, type LintInput } from './lintAnswer';

export interface CaseLintResult {
  document: CaseDocument;
  classification: Classification;
  /** Findings in offsets of the whole document (fix ranges too). */
  findings: Finding[];
}

/** Parses a case, works out its scenario and lints its answer; never throws on bad input. */
/** How a front end reads cases: `defaultAudience` is the audience of a case that names none. */
export interface CaseReadingOptions {
  defaultAudience?: 'layperson' | 'clinician' | undefined;
}

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

export function prepareCase(library: CompiledLibrary, text: string, options: CaseReadingOptions = {}): PreparedCase {
  const document = parseCase(text);
  // The case's own `audience:` wins; a folder of lay (or clinical) material can set the rest at once.
  const audience = document.data.audience ?? options.defaultAudience;
  const classification = applyOverrides(classifyQuestion(document.question, library.lexicon, library.recognitions.recognise(document.question)), {
    audience,
    scenario: document.data.scenario,
  });
  if (!document.data.audience && options.defaultAudience) classification.evidence.expertise = `default audience: ${options.defaultAudience}`;
  return { document, classification, input: { answer: document.body, question: document.question, scenario: classification.scenario } };
}

/** The case result from the answer's findings (in answer offsets). */
export function finishCase(prepared: PreparedCase, answerFindings: Finding[]): CaseLintResult {
  const { document, classification } = prepared;
  return { document, classification, findings: answerFindings.map((finding) => shiftFinding(finding, document.bodyStart)) };
}

function shiftFinding(finding: Finding, by: number): Finding {
  const shifted: Finding = { ...finding, start: finding.start + by, end: finding.end + by };
  if (finding.fix) shifted.fix = { ...finding.fix, start: finding.fix.start + by, end: finding.fix.end + by };
  return shifted;
}
