import { parseCase } from '../../../src/core/case/parseCase';
import { applyOverrides, classifyQuestion } from '../../../src/core/scenario/classifyQuestion';

/** What the extension's lint result gives the view model: the parsed case and its classification. */
export function lintCaseForTest(text: string) {
  const document = parseCase(text);
  return {
    document,
    classification: applyOverrides(classifyQuestion(document.question), {
      audience: document.data.audience,
      scenario: document.data.scenario,
    }),
  };
}
