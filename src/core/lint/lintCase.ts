import { parseCase, type CaseDocument } from '../case/parseCase';
import { applyOverrides, classifyQuestion, type Classification } from '../scenario/classifyQuestion';
import type { CompiledLibrary } from './compileLibrary';
import type { Finding } from './finding';
import { lintAnswer } from './lintAnswer';

export interface CaseLintResult {
  document: CaseDocument;
  classification: Classification;
  /** Findings in offsets of the whole document (fix ranges too). */
  findings: Finding[];
}

/** Parses a case, works out its scenario and lints its answer; never throws on bad input. */
export function lintCase(library: CompiledLibrary, text: string): CaseLintResult {
  const document = parseCase(text);
  const classification = applyOverrides(classifyQuestion(document.question, library.lexicon, library.recognitions.recognise(document.question)), {
    audience: document.data.audience,
    scenario: document.data.scenario,
  });
  const findings = lintAnswer(library, {
    answer: document.body,
    question: document.question,
    scenario: classification.scenario,
  }).map((finding) => shiftFinding(finding, document.bodyStart));
  return { document, classification, findings };
}

function shiftFinding(finding: Finding, by: number): Finding {
  const shifted: Finding = { ...finding, start: finding.start + by, end: finding.end + by };
  if (finding.fix) shifted.fix = { ...finding.fix, start: finding.fix.start + by, end: finding.fix.end + by };
  return shifted;
}
