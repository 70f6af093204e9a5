import type { CaseDocument } from '../case/parseCase';
import type { ConceptLexicon } from '../concepts/conceptLexicon';
import type { Recognition } from '../concepts/recognise';
import { applyOverrides, classifyQuestion, type Classification } from './classifyQuestion';

/** How a front end reads cases: `defaultAudience` is the audience of a case that names none. */
export interface CaseReadingOptions {
  defaultAudience?: 'layperson' | 'clinician' | undefined;
}

/**
 * A case's scenario: the offline rules over its question, then its own `audience:` (or the front end's
 * default audience) and a reviewer's `scenario:` labels. The one place a case is classified, so the linter,
 * the status item, the explorer and every CLI command agree on it.
 */
export function classifyCase(
  document: Pick<CaseDocument, 'question' | 'data'>,
  lexicon: ConceptLexicon,
  options: CaseReadingOptions = {},
  recognition: Recognition = lexicon.recognise(document.question),
): Classification {
  // The case's own `audience:` wins; a folder of lay (or clinical) material can set the rest at once.
  const audience = document.data.audience ?? options.defaultAudience;
  const classification = applyOverrides(classifyQuestion(document.question, lexicon, recognition), {
    audience,
    scenario: document.data.scenario,
  });
  if (!document.data.audience && options.defaultAudience)
    classification.evidence.expertise = `default audience: ${options.defaultAudience}`;
  return classification;
}
